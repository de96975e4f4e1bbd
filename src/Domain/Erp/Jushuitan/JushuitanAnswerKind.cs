namespace ServerlessSync.Domain.Erp.Jushuitan;

/// <summary>What a client should do with a Jushuitan answer's top-level code.</summary>
public enum JushuitanAnswerKind
{
    Success = 0,

    /// <summary>199/200: throttled; retry later.</summary>
    Throttled = 1,

    /// <summary>Sign, app_key, timestamp or access_token refused: nothing ran; retry after the credentials or clock are fixed.</summary>
    AuthFailed = 2,

    /// <summary>Any other non-zero code: the call was refused; do not retry.</summary>
    Rejected = 3,
}
