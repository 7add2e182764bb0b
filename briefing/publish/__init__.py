"""Publishing what the pipeline made: the machine-readable corpus records (more of the
publishing stages move here as they grow)."""
