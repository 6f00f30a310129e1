using SkiaSharp;

namespace TaxiDuration.Reporting.Plots.Tests;

/// <summary>A chart file decoded back into pixels by SkiaSharp's PNG decoder: what a reader of the report would see.</summary>
internal sealed class RenderedChart
{
    private readonly SKColor[] pixels;

    private RenderedChart(int width, int height, SKColor[] pixels)
    {
        Width = width;
        Height = height;
        this.pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Decodes the file; fails the test when it is not a PNG a decoder accepts.</summary>
    public static RenderedChart Load(string path)
    {
        using var bitmap = SKBitmap.Decode(path);
        Assert.True(bitmap is not null, $"{path} does not decode as an image");
        return new RenderedChart(bitmap.Width, bitmap.Height, bitmap.Pixels);
    }

    /// <summary>How many pixels differ from the same position in <paramref name="other"/>.</summary>
    public int PixelsDifferentFrom(RenderedChart other)
    {
        Assert.Equal((Width, Height), (other.Width, other.Height));
        return pixels.Zip(other.pixels).Count(pair => pair.First != pair.Second);
    }
}
