namespace ServerlessSync.Pipeline.Erp;

/// <summary>Puts every HTTP call to the ERP through the <see cref="ErpGovernor"/>, retries included.</summary>
public sealed class ErpGovernorHandler(ErpGovernor governor) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var slot = await governor.AcquireCallAsync(cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }
}
