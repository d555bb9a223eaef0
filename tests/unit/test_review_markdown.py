"""The review's Markdown is filled with untrusted text: it must stay text, never markup, links or mentions."""
from macros.review.markdown_text import capped, code, fence, text
from macros.review.words import word_diff


def test_untrusted_text_cannot_become_markup_or_a_mention():
    shown = text('Se [här](https://ond.example) <img src=x> **fet** @ordforanden #12 | `kod`')
    assert "@ordforanden" not in shown and "\\<img" in shown
    assert shown == ("Se \\[här\\](https://ond.example) \\<img src=x\\> \\*\\*fet\\*\\* @\u200bordforanden \\#12 "
                     "\\| \\`kod\\`")


def test_code_spans_and_fences_are_longer_than_any_backtick_run_inside():
    assert code("a``b") == "```a``b```"
    block = fence(["- ``` sluta", "+ ````"])
    assert block.startswith("`````diff\n") and block.endswith("\n`````")


def test_long_lists_are_capped_with_the_rest_counted():
    assert capped([str(n) for n in range(5)], 3) == ["0", "1", "2", "… och 2 till"]


def test_words_are_compared_not_lines_and_a_macro_call_is_one_word():
    old = 'Kostnaden var {{ value("drift", "utfall") }} och\nbudgeten för året höll.'
    new = 'Kostnaden var {{ value("drift",\n   "budget") }} och budgeten för året\nhöll inte.'
    hunks = word_diff(old, new, first_line=20)
    assert [(h.removed, h.added, h.line) for h in hunks] == [
        ('{{ value("drift", "utfall") }}', '{{ value("drift", "budget") }}', 20), ("höll.", "höll inte.", 22)]


def test_changes_two_words_apart_read_as_one():
    [hunk] = word_diff("ett litet underskott på tio", "ett stort underskott om tio")
    assert (hunk.removed, hunk.added) == ("litet underskott på", "stort underskott om")


def test_rewrapped_lines_are_no_change():
    assert word_diff("Ett två tre\nfyra fem.", "Ett två\ntre fyra fem.") == []
