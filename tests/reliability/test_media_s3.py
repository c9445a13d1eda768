"""Media on S3-compatible storage, for real: moto's standalone S3 server.

The portal runs under gunicorn with production settings and its media in a
bucket (AWS_STORAGE_BUCKET_NAME, AWS_S3_ENDPOINT_URL). An administrator uploads
an image and a document through the admin; the image and its renditions are
read straight from the bucket, the document only through the portal (which
checks its collection's privacy). A nomination photo goes under the private
prefix: the bucket refuses it to anyone without the owner's credentials, and
the awards panel sees it through the admin.
"""

import io
import json
import re
import textwrap

import pytest
import requests
from PIL import Image

from tests.reliability.s3_server import S3Server
from tests.reliability.services import (
    AppServer,
    Visitor,
    create_admin,
    manage,
    portal_environment,
)

ADMIN = {"username": "media-admin", "password": "s3-media-admin-password-1"}
BUCKET = "portal-media"


@pytest.fixture(scope="module")
def site(seeded_site):
    s3 = S3Server().start()
    s3.create_bucket(BUCKET)
    environment, _ = seeded_site.copy(
        "media_s3",
        portal_environment,
        SEARCH_BACKEND="database",
        **s3.environment(BUCKET),
    )
    create_admin(environment, **ADMIN)
    server = AppServer(environment, workers=1).start()
    yield {"s3": s3, "server": server, "environment": environment}
    server.close()
    s3.close()


@pytest.fixture(scope="module")
def admin(site):
    return Visitor(site["server"]).sign_in(ADMIN["username"], ADMIN["password"])


def in_portal(site, code):
    """Runs code in a process with the server's configuration; returns the JSON
    it prints."""
    program = "import json\n" + textwrap.dedent(code)
    result = manage(site["environment"], "shell", "-c", program)
    return json.loads(result.stdout.strip().splitlines()[-1])


def png(width=400, height=300, colour=(0, 94, 184)):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, "PNG")
    return buffer.getvalue()


def upload(admin, path, fields, file_name, content, mime):
    token = admin.csrf_token(path)
    response = admin.post(
        path,
        data={"csrfmiddlewaretoken": token, "collection": "1", **fields},
        files={"file": (file_name, content, mime)},
    )
    assert response.status_code == 302, (
        re.findall(r'class="error-message"[^>]*>(.*?)<', response.text, flags=re.S)
        or response.text[:2000]
    )


def anonymous_get(url):
    return requests.get(url, timeout=10)


def test_images_and_renditions_upload_through_the_admin_and_are_served(site, admin):
    picture = png()
    upload(
        admin,
        "/admin/images/add/",
        {"title": "Garden room in spring", "tags": ""},
        "garden-room.png",
        picture,
        "image/png",
    )
    found = in_portal(
        site,
        """
        from wagtail.images.models import Image
        image = Image.objects.get(title="Garden room in spring")
        rendition = image.get_rendition("fill-120x90")
        print(json.dumps({"name": image.file.name, "url": image.file.url,
                          "rendition": rendition.url, "rendition_name": rendition.file.name}))
        """,
    )
    keys = site["s3"].keys(BUCKET, "media/")
    assert "media/" + found["name"] in keys
    assert "media/" + found["rendition_name"] in keys
    # Both are read straight from the bucket, by anyone.
    original = anonymous_get(found["url"])
    assert original.status_code == 200
    assert original.content == picture
    rendition = anonymous_get(found["rendition"])
    assert rendition.status_code == 200
    assert Image.open(io.BytesIO(rendition.content)).size == (120, 90)
    assert found["rendition"].startswith(site["s3"].url + f"/{BUCKET}/media/")


def test_documents_are_stored_private_and_served_by_the_portal(site, admin):
    content = b"%PDF-1.4\n% Falls prevention checklist for night staff\n%%EOF\n"
    upload(
        admin,
        "/admin/documents/add/",
        {"title": "Night falls checklist", "tags": ""},
        "night-falls.pdf",
        content,
        "application/pdf",
    )
    found = in_portal(
        site,
        """
        from wagtail.documents.models import Document
        document = Document.objects.get(title="Night falls checklist")
        bucket_url = document.file.storage.url(document.file.name)
        print(json.dumps({"name": document.file.name, "url": document.url,
                          "bucket_url": bucket_url, "pk": document.pk}))
        """,
    )
    assert "media/" + found["name"] in site["s3"].keys(BUCKET, "media/documents/")
    # The bucket refuses it without credentials ...
    assert anonymous_get(found["bucket_url"]).status_code == 403
    # ... and the portal streams it to a visitor.
    visitor = Visitor(site["server"])
    served = visitor.get(found["url"])
    assert served.status_code == 200
    assert served.content == content

    # In a collection restricted to signed-in users, visitors are sent to sign in.
    in_portal(
        site,
        f"""
        from wagtail.models import Collection, CollectionViewRestriction
        from wagtail.documents.models import Document
        restricted = Collection.get_first_root_node().add_child(name="Team only")
        CollectionViewRestriction.objects.create(
            collection=restricted, restriction_type=CollectionViewRestriction.LOGIN
        )
        Document.objects.filter(pk={found["pk"]}).update(collection=restricted)
        print(json.dumps(True))
        """,
    )
    refused = Visitor(site["server"]).get(found["url"])
    assert refused.status_code == 302
    assert "login" in refused.headers["Location"]
    assert admin.get(found["url"]).content == content


def test_nomination_photos_stay_under_the_private_prefix(site, admin):
    photo = png(colour=(255, 235, 59))
    found = in_portal(
        site,
        f"""
        from awards.models import AwardsYearPage
        from awards.services import submit_nomination
        year = AwardsYearPage.objects.live().order_by("-year").first()
        category = year.categories.first()
        data = dict(
            nominee_name="Sam Carter", nominee_role="Senior carer",
            nominee_workplace="Elm Court", setting="residential", cqc_location_id="",
            statement="Sam set up a weekly music afternoon that residents love.",
            nominator_name="Jo Price", nominator_email="jo.price@example.org",
            nominator_phone="", relationship="Colleague",
            nominee_may_be_contacted=True, consent_privacy=True,
        )
        nomination = submit_nomination(year, category, data, photo_bytes={photo!r},
                                       notify=False)
        storage = nomination.photo.storage
        bucket_url = storage.bucket.meta.client.generate_presigned_url(
            "get_object", Params={{"Bucket": storage.bucket_name,
                                   "Key": storage._normalize_name(nomination.photo.name)}}
        ).split("?")[0]
        print(json.dumps({{"pk": nomination.pk, "name": nomination.photo.name,
                           "bucket_url": bucket_url}}))
        """,
    )
    key = "private/" + found["name"]
    assert key in site["s3"].keys(BUCKET, "private/award-photos/")
    assert not any(
        name.endswith(found["name"]) for name in site["s3"].keys(BUCKET, "media/")
    )
    # The object exists (the owner reads it) but nobody else may.
    owner_copy = site["s3"].client().get_object(Bucket=BUCKET, Key=key)["Body"].read()
    assert owner_copy == photo
    assert anonymous_get(found["bucket_url"]).status_code == 403
    # The admin's private photo view streams it to the panel.
    viewed = admin.get(f"/admin/awards/photos/{found['pk']}/")
    assert viewed.status_code == 200
    assert viewed.content == photo
    assert (
        Visitor(site["server"]).get(f"/admin/awards/photos/{found['pk']}/").status_code
        == 302
    )


def test_public_pages_keep_serving_while_the_bucket_is_down(site):
    site["s3"].stop()
    visitor = Visitor(site["server"])
    for path in ["/", "/guides/", "/events/", "/directory/", "/awards/"]:
        response = visitor.follow(visitor.get(path))
        assert response.status_code == 200, path
