"""The PySide6 desktop application: windows, widgets, thin QUndoCommands, and the ``newstag`` entry point."""
