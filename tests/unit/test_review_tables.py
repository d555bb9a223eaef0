"""Two versions of a table as the review shows them: rows aligned by key or content, cells old → new, privacy kept."""
from macros.review.tables import compare_table, schema_changes

KEYED = {"schema": {"fields": [{"name": "enhet"}, {"name": "antal", "type": "integer", "unit": "antal"}],
                    "primaryKey": ["enhet"]}}


def test_rows_are_aligned_by_primary_key_whatever_their_order():
    old = b"enhet,antal\nA,10\nB,20\nC,30\n"
    new = b"enhet,antal\nC,30\nB,25\nD,1\nA,10\n"
    added, removed, cells, renames = compare_table(KEYED, old, KEYED, new, 10)
    assert added == ["D"] and removed == [] and renames == []
    assert [(c.key, c.column, c.old, c.new, c.relative_text, c.large, c.line) for c in cells] == [
        ("B", "antal", "20", "25", "+25,0\u00a0%", True, 3)]


def test_without_a_key_an_inserted_row_is_one_new_row_not_every_cell_changed():
    plain = {"schema": {"fields": [{"name": "manad"}, {"name": "antal", "type": "integer"}]}}
    old = b"manad,antal\n2024-01,12\n2024-02,15\n2024-03,9\n"
    new = b"manad,antal\n2023-12,11\n2024-01,12\n2024-02,15\n2024-03,9\n"
    added, removed, cells, _ = compare_table(plain, old, plain, new, 10)
    assert added == ["rad 2"] and removed == [] and cells == []


def test_a_suppressed_small_count_is_shown_as_protected_on_both_sides():
    private = {**KEYED, "suppress": {"fields": ["antal"], "below": 5}}
    _, _, cells, _ = compare_table(private, b"enhet,antal\nA,3\nB,40\n", private, b"enhet,antal\nA,4\nB,41\n", 10)
    assert [(c.key, c.old, c.new, c.old_raw, c.relative) for c in cells] == [
        ("A", "skyddat", "skyddat", "", None), ("B", "40", "41", "40", 2.5)]


def test_a_change_from_zero_is_large_and_text_changes_have_no_percent():
    schema = {"schema": {"fields": [{"name": "id"}, {"name": "varde", "type": "number", "unit": "tkr"},
                                    {"name": "status"}], "primaryKey": "id"}}
    _, _, cells, _ = compare_table(schema, b"id,varde,status\nx,0,pagaende\n", schema,
                                   b"id,varde,status\nx,12.5,avslutad\n", 10)
    assert [(c.column, c.old, c.new, c.relative_text, c.large) for c in cells] == [
        ("varde", "0\u00a0tkr", "12,5\u00a0tkr", "", True), ("status", "pagaende", "avslutad", "", False)]


def test_schema_changes_name_the_column_and_what_changed():
    old = {"schema": {"fields": [{"name": "a", "type": "integer", "unit": "tkr"}, {"name": "b"}],
                      "primaryKey": ["a"]}}
    new = {"schema": {"fields": [{"name": "a", "type": "number", "unit": "mnkr"}, {"name": "c", "type": "date"}],
                      "primaryKey": ["a", "c"]}}
    assert schema_changes(old, new) == ["ny kolumn 'c' (date)", "kolumnen 'b' togs bort",
                                        "kolumnen 'a': type integer → number", "kolumnen 'a': unit tkr → mnkr",
                                        "primärnyckel a → a, c"]
