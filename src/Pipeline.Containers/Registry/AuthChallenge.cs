using System.Text;

namespace Pipeline.Containers;

/// <summary>
/// One challenge of a <c>WWW-Authenticate</c> header (RFC 7235), e.g.
/// <c>Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:org/app:pull"</c>.
/// </summary>
/// <param name="Scheme">The scheme, <c>Bearer</c> or <c>Basic</c>.</param>
/// <param name="Parameters">The auth parameters by lower-case name.</param>
public sealed record AuthChallenge(string Scheme, IReadOnlyDictionary<string, string> Parameters)
{
    /// <summary>The <c>realm</c> parameter (the token endpoint for Bearer), or null.</summary>
    public string? Realm => Parameters.GetValueOrDefault("realm");

    /// <summary>The <c>service</c> parameter, or null.</summary>
    public string? Service => Parameters.GetValueOrDefault("service");

    /// <summary>The <c>scope</c> parameter, or null.</summary>
    public string? Scope => Parameters.GetValueOrDefault("scope");

    /// <summary>True for the Bearer scheme.</summary>
    public bool IsBearer => Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for the Basic scheme.</summary>
    public bool IsBasic => Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses every challenge in one header value; unparseable text yields no challenge.</summary>
    public static IReadOnlyList<AuthChallenge> ParseAll(string? header)
    {
        var result = new List<AuthChallenge>();
        var reader = new ChallengeReader(header ?? string.Empty);
        string? scheme = null;
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (reader.SkipSeparators())
        {
            var token = reader.ReadToken();
            if (token.Length == 0)
            {
                break;
            }

            reader.SkipSpaces();
            if (reader.TryRead('='))
            {
                reader.SkipSpaces();
                var value = reader.Peek() == '"' ? reader.ReadQuoted() : reader.ReadToken();
                if (scheme is not null)
                {
                    parameters[token.ToLowerInvariant()] = value;
                }

                continue;
            }

            if (scheme is not null)
            {
                result.Add(new AuthChallenge(scheme, parameters));
            }

            scheme = token;
            parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        }

        if (scheme is not null)
        {
            result.Add(new AuthChallenge(scheme, parameters));
        }

        return result;
    }

    private ref struct ChallengeReader(string text)
    {
        private int _position;

        public readonly char Peek() => _position < text.Length ? text[_position] : '\0';

        public bool SkipSeparators()
        {
            while (_position < text.Length && (text[_position] == ',' || char.IsWhiteSpace(text[_position])))
            {
                _position++;
            }

            return _position < text.Length;
        }

        public void SkipSpaces()
        {
            while (_position < text.Length && text[_position] == ' ')
            {
                _position++;
            }
        }

        public bool TryRead(char c)
        {
            if (Peek() != c)
            {
                return false;
            }

            _position++;
            return true;
        }

        public string ReadToken()
        {
            var start = _position;
            while (_position < text.Length && text[_position] is not (' ' or ',' or '=' or '"'))
            {
                _position++;
            }

            return text[start.._position];
        }

        public string ReadQuoted()
        {
            var builder = new StringBuilder();
            _position++;
            while (_position < text.Length && text[_position] != '"')
            {
                if (text[_position] == '\\' && _position + 1 < text.Length)
                {
                    _position++;
                }

                builder.Append(text[_position++]);
            }

            _position++;
            return builder.ToString();
        }
    }
}
