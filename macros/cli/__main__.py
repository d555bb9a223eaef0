"""`python -m macros.cli KOMMANDO …`"""
import sys

from macros.cli import main

sys.exit(main())
