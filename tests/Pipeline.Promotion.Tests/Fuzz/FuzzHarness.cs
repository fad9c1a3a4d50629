using System.Collections.Concurrent;
using System.Text;
using CsCheck;
using Pipeline.Containers;
using Pipeline.Promotion.Edits;

namespace Pipeline.Promotion.Tests.Fuzz;

/// <summary>
/// Runs one edit kind over CsCheck-generated cases: a generated document, damaged by 0 to 4 mutations, LF or CRLF,
/// with or without a byte order mark, edited to a tag chosen among ones YAML would read as something else. Each
/// case must end in a refusal (a <see cref="ManifestEditException"/>) or in a document that parses and differs from
/// the input in exactly the targeted values. Anything else fails the test with the shrunk case.
/// </summary>
public static class FuzzHarness
{
    /// <summary>Tags that are valid image tags but plain YAML would read as a number, a boolean or null.</summary>
    private static readonly string[] Tags = ["1.4.2", "1234567", "2.0", "v1.2.3-rc.1", "true", "1e3", "0x10", "null", "010", "yes", "1_000"];

    public static FuzzOutcome Run(IFuzzTarget target, long iterations, string? seed = null)
    {
        var outcome = new FuzzOutcome(target.Name);
        var cases = Gen.Select(Tape.Gen, Gen.Int[0, 4], Gen.Int[0, Tags.Length - 1], Gen.Bool, Gen.Int[0, 5]);
        cases.Sample((tape, mutations, tag, crlf, bomChoice) =>
        {
            string? problem;
            try
            {
                problem = Case(target, tape, mutations, Tags[tag], crlf, bomChoice == 0, outcome);
            }
            catch (OracleBlindException)
            {
                outcome.Count("not judged: YamlDotNet's representation model cannot load it");
                return;
            }

            if (problem is not null)
            {
                throw new FuzzFailure(problem);
            }
        }, iter: iterations, seed: seed, threads: 1,
        print: c => Describe(target, c.Item1, c.Item2, Tags[c.Item3], c.Item4, c.Item5 == 0));
        return outcome;
    }

    private static string? Case(IFuzzTarget target, Tape tape, int mutations, string tag, bool crlf, bool bom, FuzzOutcome outcome)
    {
        var text = Input(target, tape, mutations, crlf);
        var image = ImageReference.ForRepository("ghcr.io/org/app").WithTag(tag).WithDigest(Support.Images.DigestOf(tag));
        var before = YamlOracle.Meaning(text, out var yamlRefusal);
        EditResult result;
        try
        {
            var document = ManifestDocument.FromBytes("fuzz.yaml", Encoding.UTF8.GetBytes((bom ? "\uFEFF" : "") + text));
            result = target.Edit.Apply(document, image);
        }
        catch (ManifestEditException refusal)
        {
            outcome.Refused(refusal.GetType().Name);
            return null;
        }
        catch (Exception other)
        {
            return $"threw {other.GetType().Name}, which no edit documents: {other.Message}";
        }

        var edited = result.Document.Text;
        if (before is null)
        {
            return $"edited a file YAML itself refuses ({yamlRefusal}), instead of refusing it";
        }

        if (YamlOracle.Meaning(edited) is not { } after)
        {
            return "wrote a file YAML cannot read";
        }

        if (result.Document.HasByteOrderMark != bom)
        {
            return "lost or added the byte order mark";
        }

        if (!result.Changed)
        {
            outcome.Count(edited == text ? "unchanged (already pinned)" : "BUG");
            return edited == text ? null : "reported no change but changed the text";
        }

        var problem = target.Judge(text, before, after, edited, image);
        if (problem is null)
        {
            outcome.Count("changed exactly the targeted values");
        }

        return problem;
    }

    private static string Input(IFuzzTarget target, Tape tape, int mutations, bool crlf)
    {
        var text = target.Generate(tape);
        if (crlf)
        {
            text = text.Replace("\n", "\r\n", StringComparison.Ordinal);
        }

        // A mutation may split a surrogate pair; the file holds what UTF-8 makes of it.
        var mutated = Mutations.Apply(text, tape, mutations);
        return Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(mutated));
    }

    private static string Describe(IFuzzTarget target, Tape tape, int mutations, string tag, bool crlf, bool bom)
    {
        var copy = new Tape(tape.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray());
        var text = Input(target, copy, mutations, crlf);
        var result = Try(() => target.Edit.Apply(ManifestDocument.FromBytes("fuzz.yaml", Encoding.UTF8.GetBytes((bom ? "\uFEFF" : "") + text)),
            ImageReference.ForRepository("ghcr.io/org/app").WithTag(tag).WithDigest(Support.Images.DigestOf(tag))).Document.Text);
        return $"{target.Name}, tag {tag}, {mutations} mutation(s), {(crlf ? "CRLF" : "LF")}{(bom ? ", BOM" : "")}\ninput:\n{Mutations.Show(text)}result:\n{result}";
    }

    private static string Try(Func<string> act)
    {
        try
        {
            return Mutations.Show(act());
        }
        catch (Exception e)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }
}

/// <summary>A case that ended neither in a refusal nor in exactly the targeted change.</summary>
public sealed class FuzzFailure(string problem) : Exception(problem);

/// <summary>How the cases of one edit kind ended.</summary>
public sealed class FuzzOutcome(string name)
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public string Name { get; } = name;

    public int Total => _counts.Values.Sum();

    public int this[string outcome] => _counts.GetValueOrDefault(outcome);

    public int RefusedTotal => _counts.Where(c => c.Key.StartsWith("refused", StringComparison.Ordinal)).Sum(c => c.Value);

    public void Count(string outcome) => _counts.AddOrUpdate(outcome, 1, (_, n) => n + 1);

    public void Refused(string exception) => Count("refused: " + exception);

    public override string ToString() =>
        $"{Name}: {Total} cases; " + string.Join("; ", _counts.OrderByDescending(c => c.Value).Select(c => $"{c.Value} {c.Key}"));
}
