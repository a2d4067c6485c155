// IntakePipeline
