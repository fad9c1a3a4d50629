using System.Globalization;
using System.Xml.Linq;
using Pipeline.Targets;

namespace Pipeline.Components;

/// <summary>Totals over the TRX files of a test run.</summary>
/// <param name="Passed">Tests that passed.</param>
/// <param name="Failed">Tests that failed, errored, timed out or aborted.</param>
/// <param name="Skipped">Tests that did not run.</param>
public sealed record TestCounts(int Passed, int Failed, int Skipped)
{
    /// <summary>All tests.</summary>
    public int Total => Passed + Failed + Skipped;

    /// <summary>Adds up the counters of every TRX file under <paramref name="directory"/>.</summary>
    public static TestCounts Read(string directory)
    {
        int passed = 0, failed = 0, skipped = 0;
        foreach (var file in Directory.GetFiles(directory, "*.trx", SearchOption.AllDirectories))
        {
            var counters = XDocument.Load(file).Descendants().FirstOrDefault(e => e.Name.LocalName == "Counters");
            if (counters is null)
            {
                continue;
            }

            int Count(string name) => int.Parse(counters.Attribute(name)?.Value ?? "0", CultureInfo.InvariantCulture);
            passed += Count("passed");
            failed += Count("failed") + Count("error") + Count("timeout") + Count("aborted");
            skipped += Count("notExecuted");
        }
        return new TestCounts(passed, failed, skipped);
    }

    /// <summary>
    /// Test assemblies that <c>dotnet test</c> started (its "Test run for …dll" lines) but that wrote no TRX file:
    /// a crashed test host leaves none, and its tests would otherwise silently drop out of the totals.
    /// </summary>
    public static IReadOnlyList<string> AssembliesWithoutResults(string testOutput, string directory)
    {
        var started = testOutput.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("Test run for ", StringComparison.Ordinal))
            .Select(line => Path.GetFileName(line["Test run for ".Length..].Split(" (", 2)[0]))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var reported = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in Directory.GetFiles(directory, "*.trx", SearchOption.AllDirectories))
        {
            var trx = XDocument.Load(file);
            var storage = trx.Descendants().Where(e => e.Name.LocalName == "UnitTest").Select(e => (string?)e.Attribute("storage")).FirstOrDefault(s => s != null);
            if (storage != null)
            {
                reported.Add(Path.GetFileName(storage));
            }
            // An assembly without tests writes a TRX that says so instead of listing tests.
            foreach (var text in trx.Descendants().Where(e => e.Name.LocalName == "Text").Select(e => e.Value))
            {
                if (text.StartsWith("No test is available in ", StringComparison.Ordinal))
                {
                    reported.Add(Path.GetFileName(text["No test is available in ".Length..].Split(". ", 2)[0].TrimEnd('.')));
                }
            }
        }
        return started.Where(assembly => !reported.Contains(assembly)).ToList();
    }

    /// <summary><c>N passed, N failed</c>, with <c>, N skipped</c> when some were.</summary>
    public override string ToString() =>
        Skipped > 0 ? $"{Passed} passed, {Failed} failed, {Skipped} skipped" : $"{Passed} passed, {Failed} failed";
}
