namespace ServerlessSync.Pipeline.Tests.Erp.Jushuitan;

/// <summary>The system clock moved by a fixed offset: a client whose clock is wrong.</summary>
internal sealed class JushuitanShiftedTime(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
}
