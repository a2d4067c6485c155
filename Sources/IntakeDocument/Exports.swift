// Every reader error is an IntakeError; users of the document model get it with the model.
@_exported import IntakeErrors
