namespace Pipeline.Benchmarks.Results;

/// <summary>Collects samples per measurement id across runs, in the order ids first appear.</summary>
internal sealed class SampleSet
{
    private readonly List<string> _order = [];
    private readonly Dictionary<string, (string Unit, List<double> Samples)> _samples = [];
    private readonly Dictionary<string, string> _unavailable = [];
    private readonly Dictionary<string, IReadOnlyList<string>> _details = [];

    public void Add(string id, string unit, double value)
    {
        if (!_samples.TryGetValue(id, out var entry))
        {
            _order.Add(id);
            entry = (unit, []);
            _samples[id] = entry;
        }

        entry.Samples.Add(value);
    }

    public void Unavailable(string id, string unit, string reason)
    {
        if (!_samples.ContainsKey(id))
        {
            _order.Add(id);
            _samples[id] = (unit, []);
        }

        _unavailable[id] = reason;
    }

    public bool IsUnavailable(string id) => _unavailable.ContainsKey(id);

    public void Detail(string id, IReadOnlyList<string> lines) => _details[id] = lines;

    public IReadOnlyList<double> Samples(string id) => _samples.TryGetValue(id, out var entry) ? entry.Samples : [];

    public IReadOnlyList<Measurement> ToMeasurements() => _order
        .Select(id => new Measurement(id, _samples[id].Unit, _samples[id].Samples.Select(Round).ToList())
        {
            Unavailable = _samples[id].Samples.Count == 0 ? _unavailable.GetValueOrDefault(id, "not measured") : null,
            Detail = _details.GetValueOrDefault(id),
        })
        .ToList();

    private static double Round(double value) => Math.Round(value, value >= 100 ? 1 : 4);
}
