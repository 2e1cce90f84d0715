def attachment_deleted(sender, instance, **kwargs):
    """Remove the file with its row: a deleted tip leaves nothing in the private storage."""
    if instance.file:
        instance.file.storage.delete(instance.file.name)
