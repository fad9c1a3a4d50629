using System.Text;

namespace Pipeline.Targets;

/// <summary>The settings the checks reported, as printed before the first target starts and by <c>--plan</c>.</summary>
internal static class SettingsText
{
    public static string Render(IReadOnlyList<ValidationSetting> settings)
    {
        var nameWidth = settings.Max(s => s.Name.Length) + 2;
        var valueWidth = Math.Min(60, settings.Max(s => s.Value.Length)) + 2;
        var text = new StringBuilder("Settings (value, then where it came from):");
        foreach (var setting in settings)
        {
            text.Append("\n  ").Append(setting.Name.PadRight(nameWidth)).Append(setting.Value.PadRight(valueWidth)).Append(setting.Value.Length + 2 > valueWidth ? "  " : "").Append(setting.Source);
        }

        return text.ToString();
    }
}
