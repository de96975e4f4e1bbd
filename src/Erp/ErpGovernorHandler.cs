namespace ServerlessSync.Pipeline.Erp;

/// <summary>
/// Puts every HTTP call to the ERP through the <see cref="ErpGovernor"/>, retries included, and times each call for
/// the <c>erp.call.duration</c> metric, by HTTP method only (never the URL, which can carry tokens).
/// </summary>
public sealed class ErpGovernorHandler(ErpGovernor governor, Telemetry.PipelineMetrics? metrics = null) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var slot = await governor.AcquireCallAsync(cancellationToken);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var success = false;
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            success = (int)response.StatusCode < 500 && response.StatusCode != System.Net.HttpStatusCode.TooManyRequests;
            if (response.StatusCode == System.Net.HttpStatusCode.TooManyRequests)
            {
                metrics?.ErpThrottledCall("erp");
            }

            return response;
        }
        finally
        {
            metrics?.ErpCallCompleted(request.Method.Method, System.Diagnostics.Stopwatch.GetElapsedTime(started), success);
        }
    }
}
