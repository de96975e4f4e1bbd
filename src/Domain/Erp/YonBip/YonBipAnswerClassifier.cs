namespace ServerlessSync.Domain.Erp.YonBip;

public static class YonBipAnswerClassifier
{
    public static YonBipAnswerKind Classify(string? code) => code switch
    {
        YonBipCodes.Success => YonBipAnswerKind.Success,
        YonBipCodes.DuplicateSubmission or YonBipCodes.DuplicateSubmissionAlt => YonBipAnswerKind.Duplicate,
        YonBipCodes.TokenInvalid or YonBipCodes.TokenMissing => YonBipAnswerKind.TokenInvalid,
        YonBipCodes.Processing or YonBipCodes.CircuitBreaker or YonBipCodes.GatewayTimeout => YonBipAnswerKind.Transient,
        _ when code is not null && YonBipCodes.Throttled.Contains(code) => YonBipAnswerKind.Throttled,
        _ => YonBipAnswerKind.Rejected,
    };
}
