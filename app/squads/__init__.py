"""Arts/sports aid squads (艺体援教小分队) that visit village schools weekly."""
