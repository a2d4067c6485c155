// IntakeReaders
