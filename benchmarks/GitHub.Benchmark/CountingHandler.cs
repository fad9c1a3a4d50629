namespace Pipeline.GitHub.Benchmark;

/// <summary>Counts the HTTP requests that actually leave the client, retries included.</summary>
internal sealed class CountingHandler() : DelegatingHandler(new SocketsHttpHandler { UseCookies = false })
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _count);
        return base.SendAsync(request, cancellationToken);
    }
}
