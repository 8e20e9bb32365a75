// Placeholder until the CellLanguage module lands; delete when the first real file is added.
