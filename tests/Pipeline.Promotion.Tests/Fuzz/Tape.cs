using CsCheck;

namespace Pipeline.Promotion.Tests.Fuzz;

/// <summary>
/// The choices one fuzz case makes, drawn by CsCheck as an array of numbers: generators read them in turn, so when
/// CsCheck shrinks a failing case towards zeros and shorter arrays, the YAML shrinks towards the simplest document.
/// </summary>
public sealed class Tape(int[] choices)
{
    private int _next;

    /// <summary>Thirty to ninety choices, each below a million.</summary>
    public static Gen<Tape> Gen { get; } = CsCheck.Gen.Int[0, 999_999].Array[30, 90].Select(a => new Tape(a));

    /// <summary>A number in [0, n); 0 once the tape runs out.</summary>
    public int Next(int n) => _next < choices.Length ? choices[_next++] % n : 0;

    /// <summary>True one time in <paramref name="n"/>.</summary>
    public bool OneIn(int n) => Next(n) == n - 1;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    public override string ToString() => string.Join(",", choices);
}
