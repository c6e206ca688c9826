"""Scripts that derive committed data files from their public sources; not part of the installed app."""
