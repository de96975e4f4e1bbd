namespace ServerlessSync.Pipeline.Telemetry;

/// <summary>Queue lag as the dashboard shows it: the intake queue's depth and the age of its oldest visible message, and the poison queue's depth.</summary>
public sealed record QueueLag(string Name, int Depth, double? OldestAgeSeconds, int PoisonDepth);
