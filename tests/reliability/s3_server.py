"""An S3-compatible server for the media tests: moto's standalone server (from
the package registry) in a process of its own, on 127.0.0.1 at a free port.

It keeps objects in memory and checks canned ACLs on anonymous reads as S3
does: an object uploaded "private" answers 403 to a plain GET, a "public-read"
one answers 200. `client()` is a boto3 client with the owner's credentials.
"""

from pathlib import Path

from tests.reliability.services import (
    PYTHON,
    LoggedProcess,
    free_port,
    url_answers,
    wait_for,
)

MOTO_SERVER = str(Path(PYTHON).parent / "moto_server")
REGION = "eu-west-2"
CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "portal-test",
    "AWS_SECRET_ACCESS_KEY": "portal-test",
}


class S3Server(LoggedProcess):
    def __init__(self):
        super().__init__()
        self.port = free_port()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def answers(self):
        return url_answers(self.url + "/moto-api/", timeout=1)

    def start(self):
        self.launch([MOTO_SERVER, "-H", "127.0.0.1", "-p", str(self.port)])
        wait_for(self.answers, "moto_server (S3)", process=self.process)
        return self

    def client(self):
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.url,
            region_name=REGION,
            aws_access_key_id=CREDENTIALS["AWS_ACCESS_KEY_ID"],
            aws_secret_access_key=CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
        )

    def create_bucket(self, name):
        self.client().create_bucket(
            Bucket=name, CreateBucketConfiguration={"LocationConstraint": REGION}
        )
        return name

    def environment(self, bucket):
        """The portal's variables for this server and bucket."""
        return {
            **CREDENTIALS,
            "AWS_STORAGE_BUCKET_NAME": bucket,
            "AWS_S3_ENDPOINT_URL": self.url,
            "AWS_S3_REGION_NAME": REGION,
            # Images are read by URL: public-read, as a bucket policy would allow.
            "AWS_DEFAULT_ACL": "public-read",
        }

    def keys(self, bucket, prefix=""):
        listing = self.client().list_objects_v2(Bucket=bucket, Prefix=prefix)
        return [item["Key"] for item in listing.get("Contents", [])]
