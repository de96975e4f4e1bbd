namespace ServerlessSync.Pipeline.Tests.Alerts;

internal static class AlertChannelTestMessages
{
    public static AlertMessage Rejected(string reason = "V1/392: Material MAT-X is not defined") =>
        new(AlertKind.ErpRejected, "erp:Sap", "douyin:100200300:6921234567890123", reason, new DateTimeOffset(2025, 6, 18, 12, 30, 0, TimeSpan.Zero));
}
