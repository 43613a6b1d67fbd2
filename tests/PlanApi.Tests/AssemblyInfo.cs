// Test classes run in parallel, each against its own database; the two cores of a CI machine set the pace.
[assembly: CollectionBehavior(MaxParallelThreads = 4)]
