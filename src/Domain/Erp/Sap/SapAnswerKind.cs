namespace ServerlessSync.Domain.Erp.Sap;

/// <summary>What a client should do with an SAP OData answer.</summary>
public enum SapAnswerKind
{
    Success = 0,

    /// <summary>403 with <c>X-CSRF-Token: Required</c>: fetch a new token and send once more; the server did not run it.</summary>
    CsrfTokenRequired = 1,

    /// <summary>401, or 403 without a CSRF hint: the communication user or its authorisation is wrong; retry later.</summary>
    NotAuthorized = 2,

    /// <summary>429, or 503 from an overloaded gateway: retry later.</summary>
    Throttled = 3,

    /// <summary>5xx, 408, or 404/405 (service not reachable at the configured path): retry later.</summary>
    Transient = 4,

    /// <summary>Any other 4xx (mostly 400 with an SD message): a business or validation refusal; do not retry.</summary>
    Rejected = 5,
}
