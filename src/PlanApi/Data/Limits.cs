namespace PlanApi.Data;

/// <summary>Column and input limits, shared by the model and the validators.</summary>
public static class Limits
{
    public const int Code = 100;
    public const int Name = 500;
    public const int Number = 100;
    public const int Text = 8000;
    public const int Url = 2000;
    public const int IdempotencyKey = 200;
    public const int Aliases = 50;
    /// <summary>A national agency identifier (mã định danh) such as <c>000.00.00.H13</c>.</summary>
    public const int IdentifierCode = 32;
    public const int ListEntries = 200;
    /// <summary>A printed task or group number: "II.3", "1.2.1", "B".</summary>
    public const int Label = 50;
}
