"""Spreadsheet import: .xlsx/.csv sheets of townships, schools, squads, teachers, cases,
needs and availability, upserted by the county's own codes through the service's schemas."""
