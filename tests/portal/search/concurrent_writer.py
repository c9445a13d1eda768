"""A worker process for the concurrency test (importable without Django set up)."""

from portal.search.store import IndexStore

DOCS_PER_WRITER = 40


def write_documents(path, writer_number):
    """Add documents one commit at a time, every fifth one twice."""
    store = IndexStore(path)
    for n in range(DOCS_PER_WRITER):
        key = f"test.doc:{writer_number}-{n}"
        for _attempt in range(2 if n % 5 == 0 else 1):
            with store.writer() as writer:
                writer.update_document(
                    doc_id=key,
                    doc_pk=key,
                    ctype="test.doc",
                    title=f"Document {n} from writer {writer_number}",
                )
