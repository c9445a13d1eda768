"""The portal's editorial roles, as Django groups, defined in one place.

- Editors: draft pages and submit them for moderation; upload images and documents.
- Moderators: everything editors do, plus approve, publish, unpublish and lock.
- Awards panel: sign in to the admin to review award nominations; no page access.

Content pages pass through the "Moderators approval" workflow on the whole tree.
`ensure_roles` is called by a data migration (with historical models) and by
`seed_demo` (so a flushed database gets its roles back); it only adds what is
missing and removes page rights a role must not have.
"""

EDITORS = "Editors"
MODERATORS = "Moderators"
AWARDS_PANEL = "Awards panel"
MODERATION_WORKFLOW = "Moderators approval"

PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page"],
    MODERATORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    AWARDS_PANEL: [],
}
MEDIA_PERMISSIONS = {
    EDITORS: ["add", "change", "choose"],
    MODERATORS: ["add", "change", "choose", "delete"],
    AWARDS_PANEL: [],
}


def ensure_roles(apps):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")

    def permission(app_label, model, codename, name):
        content_type, _ = ContentType.objects.get_or_create(
            app_label=app_label, model=model
        )
        found, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        return found

    access_admin = permission(
        "wagtailadmin", "admin", "access_admin", "Can access Wagtail admin"
    )
    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()

    for group_name in (EDITORS, MODERATORS, AWARDS_PANEL):
        group, _ = Group.objects.get_or_create(name=group_name)
        group.permissions.add(access_admin)

        if root_page is not None:
            allowed = PAGE_PERMISSIONS[group_name]
            GroupPagePermission.objects.filter(group=group).exclude(
                permission__codename__in=allowed
            ).delete()
            for codename in allowed:
                GroupPagePermission.objects.get_or_create(
                    group=group,
                    page=root_page,
                    permission=permission("wagtailcore", "page", codename, codename),
                )

        for action in MEDIA_PERMISSIONS[group_name]:
            for app_label, model in (
                ("wagtailimages", "image"),
                ("wagtaildocs", "document"),
            ):
                media_permission = permission(
                    app_label, model, f"{action}_{model}", f"Can {action} {model}"
                )
                group.permissions.add(media_permission)
                if root_collection is not None:
                    GroupCollectionPermission.objects.get_or_create(
                        group=group,
                        collection=root_collection,
                        permission=media_permission,
                    )

    if root_page is not None:
        ensure_moderation_workflow(apps, root_page, Group.objects.get(name=MODERATORS))


def ensure_moderation_workflow(apps, root_page, moderators):
    """Every page is approved by a moderator before it goes live."""
    ContentType = apps.get_model("contenttypes.ContentType")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")

    if WorkflowPage.objects.filter(page=root_page).exists():
        return
    task = GroupApprovalTask.objects.filter(name=MODERATION_WORKFLOW).first()
    if task is None:
        task_type, _ = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = GroupApprovalTask.objects.create(
            name=MODERATION_WORKFLOW, content_type=task_type, active=True
        )
        task.groups.add(moderators)
    workflow, created = Workflow.objects.get_or_create(
        name=MODERATION_WORKFLOW, defaults={"active": True}
    )
    if created:
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=root_page)
