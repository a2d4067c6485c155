// IntakeValidation
