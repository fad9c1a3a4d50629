using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Pipeline.Processes;

/// <summary>
/// The secrets a process holds, in every form (<see cref="SecretForms"/>), and the redactor that replaces them
/// with <c>***</c>. Matching ignores line breaks (a secret wrapped over two lines is still found) and masks the
/// union of every match (overlapping secrets leave no part of either behind).
/// </summary>
/// <remarks>
/// <see cref="Shared"/> is the one registry of the process: every <see cref="Secret"/> joins it when it is
/// created. It is process-wide on purpose. The packages work without the target engine, so there is no build
/// object to hand a registry to; and the error that echoes a secret is often raised by a layer that never saw it
/// (the registry's error echoing the GitHub token, git echoing the App token). A secret that joins when it is
/// created cannot be forgotten. Nothing is registered at start-up; forms stay for the life of the process,
/// because a message that holds a value can outlive the object that held it.
/// </remarks>
public sealed class SecretRegistry
{
    /// <summary>Values shorter than this are not masked: replacing every <c>-</c> or <c>ab</c> would wreck the output, and hide nothing.</summary>
    public const int MinimumLength = 4;

    private readonly ConcurrentDictionary<ulong, string[]> _byPrefix = new();
    private readonly ConcurrentDictionary<string, byte> _forms = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private int _longest;

    /// <summary>The registry of this process, which every <see cref="Secret"/> joins.</summary>
    public static SecretRegistry Shared { get; } = new();

    /// <summary>How many distinct forms are known.</summary>
    public int Count => _forms.Count;

    /// <summary>The length of the longest form (line breaks left out).</summary>
    public int LongestForm => Volatile.Read(ref _longest);

    /// <summary>Registers every form of <paramref name="value"/>; values shorter than <see cref="MinimumLength"/> are ignored.</summary>
    public void Add(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Trim().Length < MinimumLength)
        {
            return;
        }

        foreach (var form in SecretForms.Of(value.Trim()))
        {
            AddForm(Unbroken(form));
        }
    }

    /// <summary>Whether <paramref name="text"/> holds any known form of any secret.</summary>
    public bool IsContainedIn(string? text) => text is not null && Cover(text) is not null;

    /// <summary><paramref name="text"/> with every known form of every secret replaced by <see cref="Secret.Mask"/>.</summary>
    [return: NotNullIfNotNull(nameof(text))]
    public string? Redact(string? text) => text is null ? null : Redact(text, 0);

    /// <summary>
    /// Redacts <paramref name="text"/> and returns the part from <paramref name="start"/> on: the text before it is
    /// context (the end of a line already written) so that a secret wrapped across the boundary is still found.
    /// </summary>
    internal string Redact(string text, int start)
    {
        var covered = Cover(text);
        if (covered is null)
        {
            return start == 0 ? text : text[start..];
        }

        var result = new StringBuilder(text.Length - start);
        var inMask = false;
        for (var i = start; i < text.Length; i++)
        {
            if (!covered[i])
            {
                inMask = false;
                result.Append(text[i]);
            }
            else if (!inMask)
            {
                inMask = true;
                result.Append(Secret.Mask);
            }
        }

        return result.ToString();
    }

    /// <summary>Whether the end of <paramref name="line"/> is the beginning of a known form, which may go on in the next line.</summary>
    internal bool EndsWithStartOfSecret(string line)
    {
        for (var i = Math.Max(0, line.Length - LongestForm + 1); i + MinimumLength <= line.Length; i++)
        {
            if (_byPrefix.TryGetValue(Key(line.AsSpan(i)), out var forms)
                && forms.Any(form => form.Length > line.Length - i && form.AsSpan().StartsWith(line.AsSpan(i))))
            {
                return true;
            }
        }

        return false;
    }

    private static string Unbroken(string form) =>
        form.Contains('\n', StringComparison.Ordinal) || form.Contains('\r', StringComparison.Ordinal)
            ? form.Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal)
            : form;

    private void AddForm(string form)
    {
        if (form.Length < MinimumLength || !_forms.TryAdd(form, 0))
        {
            return;
        }

        lock (_gate)
        {
            _byPrefix.AddOrUpdate(Key(form), [form], (_, known) => [.. known, form]);
            if (form.Length > _longest)
            {
                Volatile.Write(ref _longest, form.Length);
            }
        }
    }

    /// <summary>Which characters of <paramref name="text"/> belong to a secret; null when none do.</summary>
    private bool[]? Cover(string text)
    {
        if (_forms.IsEmpty || text.Length < MinimumLength)
        {
            return null;
        }

        // Line breaks are skipped: the view is the text without them, and map leads back to the text.
        ReadOnlySpan<char> view = text;
        int[]? map = null;
        if (text.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            var chars = new char[text.Length];
            map = new int[text.Length];
            var length = 0;
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] is not ('\r' or '\n'))
                {
                    chars[length] = text[i];
                    map[length++] = i;
                }
            }

            view = chars.AsSpan(0, length);
        }

        bool[]? covered = null;
        var coveredUntil = 0;
        for (var i = 0; i + MinimumLength <= view.Length; i++)
        {
            if (!_byPrefix.TryGetValue(Key(view[i..]), out var forms))
            {
                continue;
            }

            foreach (var form in forms)
            {
                if (i + form.Length > coveredUntil && view[i..].StartsWith(form, StringComparison.Ordinal))
                {
                    covered ??= new bool[text.Length];
                    for (var k = Math.Max(i, coveredUntil); k < i + form.Length; k++)
                    {
                        covered[map is null ? k : map[k]] = true;
                    }

                    coveredUntil = i + form.Length;
                }
            }
        }

        return covered;
    }

    private static ulong Key(ReadOnlySpan<char> text) =>
        text[0] | ((ulong)text[1] << 16) | ((ulong)text[2] << 32) | ((ulong)text[3] << 48);
}
