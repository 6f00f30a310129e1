using Microsoft.Data.Sqlite;
using TaxiDuration.Tracking.Artifacts;
using TaxiDuration.Tracking.Backends;

namespace TaxiDuration.Tracking.Sqlite;

/// <summary>The embedded registry, in the same SQLite file as the runs its versions point to.</summary>
internal sealed class SqliteModelRegistry(SqliteDatabase database, ContentAddressedFiles files, TimeProvider time) : IModelRegistry
{
    private const string VersionColumns = "model_name, version, run_id, artifact_path, artifact_sha256, feature_set, created_ms";

    public RegisteredModel GetOrCreateRegisteredModel(string name)
    {
        ModelUri.ValidModelName(name);
        return database.Write(connection =>
        {
            EnsureModel(connection, name);
            return FindModel(connection, name)!;
        });
    }

    public IReadOnlyList<RegisteredModel> ListRegisteredModels() => database.Read(connection =>
        connection.Query("SELECT name FROM registered_models ORDER BY name;", row => row.GetString(0))
            .Select(name => FindModel(connection, name)!)
            .ToArray());

    public ModelVersion CreateModelVersion(NewModelVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        ModelUri.ValidModelName(version.ModelName);
        TrackingNames.Key(version.FeatureSet, "Feature set");
        var artifactPath = TrackingNames.ArtifactPath(version.ArtifactPath);
        // Hashing can take a while for a large model: do it before taking the write lock, then re-check the row under it.
        var artifact = database.Read(connection => SqliteExperimentTracker.ReadArtifact(connection, version.RunId, artifactPath));
        files.Verified(artifact.Sha256);
        return database.Write(connection =>
        {
            var current = SqliteExperimentTracker.ReadArtifact(connection, version.RunId, artifactPath);
            if (current.Sha256 != artifact.Sha256)
            {
                throw new InvalidOperationException($"Artifact '{artifactPath}' of run '{version.RunId}' was replaced while version registration was in progress; retry the registration.");
            }

            EnsureModel(connection, version.ModelName);
            var number = (int)connection.Scalar<long>("SELECT COALESCE(MAX(version), 0) + 1 FROM model_versions WHERE model_name = $model;", ("$model", version.ModelName));
            var key = new[] { ("$model", (object?)version.ModelName), ("$version", number) };
            connection.Execute(
                $"INSERT INTO model_versions ({VersionColumns}) VALUES ($model, $version, $run, $path, $sha, $features, $now);",
                [.. key, ("$run", version.RunId), ("$path", artifactPath), ("$sha", artifact.Sha256), ("$features", version.FeatureSet), ("$now", UnixTime.ToMilliseconds(time.GetUtcNow()))]);
            foreach (var (name, value) in version.Metrics)
            {
                connection.Execute(
                    "INSERT INTO model_version_metrics (model_name, version, key, value) VALUES ($model, $version, $key, $value);",
                    [.. key, ("$key", TrackingNames.Key(name, "Metric key")), ("$value", value)]);
            }

            foreach (var month in version.DataMonths)
            {
                connection.Execute(
                    "INSERT INTO model_version_months (model_name, version, month) VALUES ($model, $version, $month);",
                    [.. key, ("$month", TrackingNames.Key(month, "Data month"))]);
            }

            foreach (var (name, value) in version.Tags)
            {
                connection.Execute(
                    "INSERT INTO model_version_tags (model_name, version, key, value) VALUES ($model, $version, $key, $value);",
                    [.. key, ("$key", TrackingNames.Key(name, "Tag key")), ("$value", value)]);
            }

            return FindVersion(connection, version.ModelName, number)!;
        });
    }

    public ModelVersion GetModelVersion(string modelName, int version) =>
        database.Read(connection => FindVersion(connection, modelName, version) ?? throw UnknownVersion(connection, modelName, version));

    public IReadOnlyList<ModelVersion> SearchModelVersions(string modelName) => database.Read(connection =>
    {
        RequireModel(connection, modelName);
        return connection.Query("SELECT version FROM model_versions WHERE model_name = $model ORDER BY version;", row => row.GetInt32(0), ("$model", modelName))
            .Select(number => FindVersion(connection, modelName, number)!)
            .ToArray();
    });

    public ModelVersion SetAlias(string modelName, string alias, int version, string reason, string actor, AliasPrecondition? expected = null)
    {
        ModelUri.ValidAlias(alias);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        // Read and write in one IMMEDIATE transaction: no other writer can move the alias in between.
        return database.Write(connection =>
        {
            MoveAlias(connection, modelName, alias, version, reason, actor, expected ?? AliasPrecondition.None);
            return FindVersion(connection, modelName, version)!;
        });
    }

    public ModelVersion PromoteChampion(string modelName, int version, string reason, string actor, AliasPrecondition expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        return database.Write(connection =>
        {
            var replaced = MoveAlias(connection, modelName, RegistryAliases.Champion, version, reason, actor, expected);
            if (replaced is { } previous && previous != version)
            {
                MoveAlias(connection, modelName, RegistryAliases.PreviousChampion, previous, $"replaced as champion by version {version}: {reason}", actor, AliasPrecondition.None);
            }

            return FindVersion(connection, modelName, version)!;
        });
    }

    public DeploymentDecision RecordDecision(NewDeploymentDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentException.ThrowIfNullOrWhiteSpace(decision.Reason);
        ArgumentException.ThrowIfNullOrWhiteSpace(decision.Actor);
        var decidedAt = time.GetUtcNow();
        var sequence = database.Write(connection =>
        {
            _ = FindVersion(connection, decision.ModelName, decision.CandidateVersion) ?? throw UnknownVersion(connection, decision.ModelName, decision.CandidateVersion);
            return connection.Scalar<long>(
                """
                INSERT INTO deployment_decisions (model_name, candidate_version, champion_version, month, verdict, reason, details, actor, decided_ms)
                VALUES ($model, $candidate, $champion, $month, $verdict, $reason, $details, $actor, $now)
                RETURNING sequence;
                """,
                ("$model", decision.ModelName),
                ("$candidate", decision.CandidateVersion),
                ("$champion", decision.ChampionVersion),
                ("$month", decision.Month),
                ("$verdict", decision.Verdict),
                ("$reason", decision.Reason),
                ("$details", decision.DetailsJson),
                ("$actor", decision.Actor),
                ("$now", UnixTime.ToMilliseconds(decidedAt)));
        });
        return new DeploymentDecision(
            sequence, decision.ModelName, decision.CandidateVersion, decision.ChampionVersion, decision.Month, decision.Verdict,
            decision.Reason, decision.DetailsJson, decision.Actor, UnixTime.FromMilliseconds(UnixTime.ToMilliseconds(decidedAt)));
    }

    public IReadOnlyList<DeploymentDecision> GetDecisions(string modelName) => database.Read(connection => connection.Query(
        """
        SELECT sequence, model_name, candidate_version, champion_version, month, verdict, reason, details, actor, decided_ms
        FROM deployment_decisions WHERE model_name = $model ORDER BY sequence;
        """,
        row => new DeploymentDecision(
            row.GetInt64(0), row.GetString(1), row.GetInt32(2), row.IsDBNull(3) ? null : row.GetInt32(3), row.GetString(4),
            row.GetString(5), row.GetString(6), row.GetString(7), row.GetString(8), UnixTime.FromMilliseconds(row.GetInt64(9))),
        ("$model", modelName)));

    // Moves one alias inside the caller's transaction and returns where it pointed before (null: it was new).
    private int? MoveAlias(SqliteConnection connection, string modelName, string alias, int version, string reason, string actor, AliasPrecondition expected)
    {
        _ = FindVersion(connection, modelName, version) ?? throw UnknownVersion(connection, modelName, version);
        var previous = CurrentAliasTarget(connection, modelName, alias);
        if (!expected.IsMetBy(previous))
        {
            throw new AliasConflictException(modelName, alias, expected, previous);
        }

        // A move to where the alias already points is still recorded: every successful call leaves one audit row.
        connection.Execute(
            """
            INSERT INTO model_aliases (model_name, alias, version) VALUES ($model, $alias, $version)
            ON CONFLICT (model_name, alias) DO UPDATE SET version = excluded.version;
            """,
            ("$model", modelName),
            ("$alias", alias),
            ("$version", version));
        AppendHistory(connection, modelName, alias, previous, version, reason, actor);
        return previous;
    }

    public void DeleteAlias(string modelName, string alias, string reason, string actor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        database.Write(connection =>
        {
            var previous = CurrentAliasTarget(connection, modelName, alias) ?? throw UnknownAlias(connection, modelName, alias);
            connection.Execute("DELETE FROM model_aliases WHERE model_name = $model AND alias = $alias;", ("$model", modelName), ("$alias", alias));
            AppendHistory(connection, modelName, alias, previous, null, reason, actor);
        });
    }

    public ModelVersion GetModelVersionByAlias(string modelName, string alias) => database.Read(connection =>
    {
        var version = CurrentAliasTarget(connection, modelName, alias) ?? throw UnknownAlias(connection, modelName, alias);
        return FindVersion(connection, modelName, version)!;
    });

    public IReadOnlyList<AliasChange> GetAliasHistory(string modelName) => database.Read(connection =>
    {
        RequireModel(connection, modelName);
        return connection.Query(
            "SELECT sequence, model_name, alias, from_version, to_version, reason, actor, changed_ms FROM alias_history WHERE model_name = $model ORDER BY sequence;",
            row => new AliasChange(
                row.GetInt64(0),
                row.GetString(1),
                row.GetString(2),
                (int?)row.GetNullableInt64(3),
                (int?)row.GetNullableInt64(4),
                row.GetString(5),
                row.GetString(6),
                UnixTime.FromMilliseconds(row.GetInt64(7))),
            ("$model", modelName));
    });

    public ModelVersion Resolve(ModelUri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.Alias is { } alias ? GetModelVersionByAlias(uri.ModelName, alias) : GetModelVersion(uri.ModelName, uri.Version!.Value);
    }

    public VerifiedModelArtifact ResolveArtifact(ModelUri uri)
    {
        var version = Resolve(uri);
        return new VerifiedModelArtifact(version, files.Verified(version.ArtifactSha256));
    }

    private void EnsureModel(SqliteConnection connection, string name) => connection.Execute(
        "INSERT INTO registered_models (name, created_ms) VALUES ($name, $now) ON CONFLICT (name) DO NOTHING;",
        ("$name", name),
        ("$now", UnixTime.ToMilliseconds(time.GetUtcNow())));

    private static RegisteredModel? FindModel(SqliteConnection connection, string name)
    {
        var created = connection.Scalar<long?>("SELECT created_ms FROM registered_models WHERE name = $name;", ("$name", name));
        if (created is null)
        {
            return null;
        }

        var aliases = connection.Query(
            "SELECT alias, version FROM model_aliases WHERE model_name = $name ORDER BY alias;",
            row => (Alias: row.GetString(0), Version: row.GetInt32(1)),
            ("$name", name));
        return new RegisteredModel(name, UnixTime.FromMilliseconds(created.Value), aliases.ToDictionary(pair => pair.Alias, pair => pair.Version, StringComparer.Ordinal));
    }

    private static ModelVersion? FindVersion(SqliteConnection connection, string modelName, int version)
    {
        var key = new[] { ("$model", (object?)modelName), ("$version", version) };
        var row = connection.Query(
                $"SELECT {VersionColumns} FROM model_versions WHERE model_name = $model AND version = $version;",
                reader => (RunId: reader.GetString(2), Path: reader.GetString(3), Sha: reader.GetString(4), Features: reader.GetString(5), Created: reader.GetInt64(6)),
                key)
            .SingleOrDefault();
        if (row.RunId is null)
        {
            return null;
        }

        const string OfVersion = "WHERE model_name = $model AND version = $version";
        return new ModelVersion(
            modelName,
            version,
            row.RunId,
            row.Path,
            row.Sha,
            connection.Query($"SELECT key, value FROM model_version_metrics {OfVersion} ORDER BY key;", r => (r.GetString(0), r.GetDouble(1)), key)
                .ToDictionary(pair => pair.Item1, pair => pair.Item2, StringComparer.Ordinal),
            connection.Query($"SELECT month FROM model_version_months {OfVersion} ORDER BY month;", r => r.GetString(0), key),
            row.Features,
            connection.Query($"SELECT key, value FROM model_version_tags {OfVersion} ORDER BY key;", r => (r.GetString(0), r.GetString(1)), key)
                .ToDictionary(pair => pair.Item1, pair => pair.Item2, StringComparer.Ordinal),
            UnixTime.FromMilliseconds(row.Created),
            connection.Query($"SELECT alias FROM model_aliases {OfVersion} ORDER BY alias;", r => r.GetString(0), key));
    }

    private static int? CurrentAliasTarget(SqliteConnection connection, string modelName, string alias)
    {
        RequireModel(connection, modelName);
        return (int?)connection.Scalar<long?>("SELECT version FROM model_aliases WHERE model_name = $model AND alias = $alias;", ("$model", modelName), ("$alias", alias));
    }

    private void AppendHistory(SqliteConnection connection, string modelName, string alias, int? from, int? to, string reason, string actor) => connection.Execute(
        """
        INSERT INTO alias_history (model_name, alias, from_version, to_version, reason, actor, changed_ms)
        VALUES ($model, $alias, $from, $to, $reason, $actor, $now);
        """,
        ("$model", modelName),
        ("$alias", alias),
        ("$from", from),
        ("$to", to),
        ("$reason", reason),
        ("$actor", actor),
        ("$now", UnixTime.ToMilliseconds(time.GetUtcNow())));

    private static void RequireModel(SqliteConnection connection, string modelName)
    {
        if (connection.Scalar<string>("SELECT name FROM registered_models WHERE name = $name;", ("$name", modelName)) is null)
        {
            var known = connection.Query("SELECT name FROM registered_models ORDER BY name;", row => row.GetString(0));
            throw new KeyNotFoundException($"Registered model '{modelName}' does not exist; known models: {string.Join(", ", known.DefaultIfEmpty("(none)"))}.");
        }
    }

    private static KeyNotFoundException UnknownVersion(SqliteConnection connection, string modelName, int version)
    {
        RequireModel(connection, modelName);
        var latest = connection.Scalar<long?>("SELECT MAX(version) FROM model_versions WHERE model_name = $model;", ("$model", modelName));
        var range = latest is null ? "it has no versions yet" : $"its versions are 1 to {latest.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        return new KeyNotFoundException($"Model '{modelName}' has no version {version}; {range}.");
    }

    private static KeyNotFoundException UnknownAlias(SqliteConnection connection, string modelName, string alias)
    {
        var known = connection.Query("SELECT alias FROM model_aliases WHERE model_name = $model ORDER BY alias;", row => row.GetString(0), ("$model", modelName));
        return new KeyNotFoundException($"Model '{modelName}' has no alias '{alias}'; its aliases: {string.Join(", ", known.DefaultIfEmpty("(none)"))}.");
    }
}
