namespace TaxiDuration.Features;

/// <summary>
/// Kept trips of one batch (a row group, or a stretch of rows) as columns: 20 bytes a trip instead of a 56-byte
/// <see cref="TripExample"/> object and its reference. The hour, weekday and zone texts are derived when a row is read,
/// through the same <see cref="TripFeatures"/> definitions, so storing less changes no feature.
/// </summary>
internal sealed class ExampleChunk(int capacity)
{
    private readonly short[] origins = new short[capacity];
    private readonly short[] destinations = new short[capacity];
    private readonly float[] distances = new float[capacity];
    private readonly float[] durations = new float[capacity];
    private readonly DateTime[] pickupTimes = new DateTime[capacity];

    public int Count { get; private set; }

    public int Room => origins.Length - Count;

    /// <summary>Adds a kept trip; its zones are valid (1–265), which <see cref="TripFeaturizer"/> checked.</summary>
    public void Add(int origin, int destination, double distance, double minutes, DateTime pickupTime)
    {
        origins[Count] = (short)origin;
        destinations[Count] = (short)destination;
        distances[Count] = (float)distance;
        durations[Count] = (float)minutes;
        pickupTimes[Count] = pickupTime;
        Count++;
    }

    /// <summary>Adds row <paramref name="row"/> of <paramref name="source"/> as it is.</summary>
    public void Add(ExampleChunk source, int row) =>
        Add(source.origins[row], source.destinations[row], source.distances[row], source.durations[row], source.pickupTimes[row]);

    public TripExample Example(int row) =>
        TripFeaturizer.Example(origins[row], destinations[row], distances[row], pickupTimes[row], durations[row]);

    public DateTime PickupTime(int row) => pickupTimes[row];
}
