// IntakeReports
