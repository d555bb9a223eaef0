"""Import a committee's spreadsheet (.xlsx, .ods, CSV/TSV) into a report's datapackage as a tidy CSV + schema.

readers → table → columns (Swedish cells) → naming/roles → output (wide or long, rules) → plan → writer;
describe prints the guesses. new_report/skeletons create a report's page and empty package. Nothing is
imported here, so that scripts/new-report starts without loading pandas and frictionless.
"""
