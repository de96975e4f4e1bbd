namespace ServerlessSync.Domain.Erp.Sap;

/// <summary>SAP Gateway puts the meaning in the HTTP status (400 business, 401 auth, 403 CSRF or authorisation, 201 created).</summary>
public static class SapAnswerClassifier
{
    public static SapAnswerKind Classify(int httpStatus, string? csrfHeader) => httpStatus switch
    {
        >= 200 and < 300 => SapAnswerKind.Success,
        403 when SapCsrf.IsTokenRequired(httpStatus, csrfHeader) => SapAnswerKind.CsrfTokenRequired,
        401 or 403 => SapAnswerKind.NotAuthorized,
        429 or 503 => SapAnswerKind.Throttled,
        // 404/405 on these fixed service paths mean a wrong base URL or an inactive service, not a verdict on the order.
        404 or 405 or 408 or >= 500 => SapAnswerKind.Transient,
        >= 400 => SapAnswerKind.Rejected,
        // 1xx/3xx are not answers an OData client should ever see (a redirect to a logon page, say).
        _ => SapAnswerKind.Transient,
    };
}
