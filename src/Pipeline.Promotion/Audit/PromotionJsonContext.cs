using System.Text.Json.Serialization;

namespace Pipeline.Promotion;

[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(PromotionReport))]
[JsonSerializable(typeof(PromotionDispatch))]
internal sealed partial class PromotionJsonContext : JsonSerializerContext;
