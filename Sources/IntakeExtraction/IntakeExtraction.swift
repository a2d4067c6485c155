// IntakeExtraction
