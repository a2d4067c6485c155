// IntakeMapping
