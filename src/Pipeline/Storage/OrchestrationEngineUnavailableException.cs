namespace ServerlessSync.Pipeline.Storage;

/// <summary>The orchestration engine could not be reached or asked the caller to back off (a gateway's transport said so).</summary>
public sealed class OrchestrationEngineUnavailableException(string message, Exception innerException) : Exception(message, innerException);
