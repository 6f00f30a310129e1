using Microsoft.Extensions.Hosting;

namespace TaxiDuration.CommandLine;

/// <summary>
/// What a level adds to a command's host that the command itself leaves open, typically which tracking store to
/// use (<c>builder.Services.AddTrackingStore(builder.Configuration)</c>): the level decides, the command composes.
/// </summary>
public delegate void HostComposition(HostApplicationBuilder builder);
