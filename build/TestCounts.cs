using System.Globalization;
using System.Xml.Linq;

namespace Pipeline.Build;

/// <summary>Totals over the TRX files that <c>dotnet test</c> wrote.</summary>
internal sealed record TestCounts(int Passed, int Failed, int Skipped)
{
    public int Total => Passed + Failed + Skipped;

    public static TestCounts Read(string directory)
    {
        int passed = 0, failed = 0, skipped = 0;
        foreach (var file in Directory.GetFiles(directory, "*.trx", SearchOption.AllDirectories))
        {
            var counters = XDocument.Load(file).Descendants().FirstOrDefault(e => e.Name.LocalName == "Counters");
            if (counters is null)
                continue;
            int Count(string name) => int.Parse(counters.Attribute(name)?.Value ?? "0", CultureInfo.InvariantCulture);
            passed += Count("passed");
            failed += Count("failed") + Count("error") + Count("timeout") + Count("aborted");
            skipped += Count("notExecuted");
        }
        return new TestCounts(passed, failed, skipped);
    }

    public override string ToString() =>
        Skipped > 0 ? $"{Passed} passed, {Failed} failed, {Skipped} skipped" : $"{Passed} passed, {Failed} failed";
}
