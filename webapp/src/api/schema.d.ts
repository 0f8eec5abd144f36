// Generated from LabelStack's OpenAPI schema by scripts/generate-api.mjs; do not edit.

export interface paths {
    "/api/v1/annotations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Annotations
         * @description Annotations on images the caller may see, filtered (withdrawn ones only when asked for).
         */
        get: operations["list_annotations_api_v1_annotations_get"];
        put?: never;
        /**
         * Create Annotation
         * @description Create an annotation with its first version; 200 with the annotation its ``client_key`` already
         *     names (a create sent again), taking its body in as a version if newer (``client_sequence``).
         */
        post: operations["create_annotation_api_v1_annotations_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/annotations/{annotation_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Annotation
         * @description One annotation with its head and final version ids.
         */
        get: operations["get_annotation_api_v1_annotations__annotation_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/annotations/{annotation_id}/draft": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Draft
         * @description The caller's draft, to pick up where a closed tab left off.
         */
        get: operations["get_draft_api_v1_annotations__annotation_id__draft_get"];
        /**
         * Put Draft
         * @description Autosave: replace the caller's draft of this annotation.
         */
        put: operations["put_draft_api_v1_annotations__annotation_id__draft_put"];
        post?: never;
        /**
         * Discard Draft
         * @description Throw the caller's draft away.
         */
        delete: operations["discard_draft_api_v1_annotations__annotation_id__draft_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/annotations/{annotation_id}/draft/labelmap": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Put Labelmap Draft
         * @description Autosave of a labelmap: the slices changed since the previous draft, in the binary patch form.
         */
        put: operations["put_labelmap_draft_api_v1_annotations__annotation_id__draft_labelmap_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/annotations/{annotation_id}/draft/promote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Promote Draft
         * @description Explicit save: the caller's draft becomes a version.
         */
        post: operations["promote_draft_api_v1_annotations__annotation_id__draft_promote_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/annotations/{annotation_id}/labelmap": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Save Labelmap Patch
         * @description Save only the changed slices of a labelmap, sent in the compact binary patch form.
         */
        post: operations["save_labelmap_patch_api_v1_annotations__annotation_id__labelmap_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/annotations/{annotation_id}/reinstate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reinstate Annotation
         * @description Undo a withdrawal: the annotation is back, as a new version on ``base_version``.
         */
        post: operations["reinstate_annotation_api_v1_annotations__annotation_id__reinstate_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/annotations/{annotation_id}/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Reviews
         * @description Every review of the annotation, numbered 1, 2, 3 ...
         */
        get: operations["list_reviews_api_v1_annotations__annotation_id__reviews_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/annotations/{annotation_id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit Annotation
         * @description Hand in the head version for review (a corrected one goes back to its reviewer).
         */
        post: operations["submit_annotation_api_v1_annotations__annotation_id__submit_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/annotations/{annotation_id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Versions
         * @description The history: every version, oldest first.
         */
        get: operations["list_versions_api_v1_annotations__annotation_id__versions_get"];
        put?: never;
        /**
         * Save Version
         * @description Save a new version on ``base_version``; 409 with the head if someone saved first.
         */
        post: operations["save_version_api_v1_annotations__annotation_id__versions_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/annotations/{annotation_id}/versions/{number}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Version
         * @description One version with its content.
         */
        get: operations["get_version_api_v1_annotations__annotation_id__versions__number__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/annotations/{annotation_id}/versions/{number}/labelmap": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Labelmap
         * @description A labelmap version's non-empty slices in the binary patch form.
         */
        get: operations["get_labelmap_api_v1_annotations__annotation_id__versions__number__labelmap_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/annotations/{annotation_id}/versions/{number}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Restore Version
         * @description Make an old version's content the new head (as a new version).
         */
        post: operations["restore_version_api_v1_annotations__annotation_id__versions__number__restore_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/annotations/{annotation_id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Withdraw Annotation
         * @description Remove the annotation from its image, as a new version on ``base_version`` (409 if stale).
         */
        post: operations["withdraw_annotation_api_v1_annotations__annotation_id__withdraw_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/annotations/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import Annotations
         * @description Import NIfTI or DICOM SEG labelmaps on one series, COCO boxes/polygons, or a CSV of classifications.
         */
        post: operations["import_annotations_api_v1_annotations_import_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Query Audit
         * @description Who did what to which object, newest first.
         */
        get: operations["query_audit_api_v1_audit_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Login
         * @description Check the credentials, open a session, return its token and set the session cookie.
         */
        post: operations["login_api_v1_auth_login_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Logout
         * @description End this session on the server and clear the cookies.
         */
        post: operations["logout_api_v1_auth_logout_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create Export
         * @description Export a project, a task or a selection; the zip streams while it is written.
         */
        post: operations["create_export_api_v1_exports_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Health
         * @description Report version and whether the database answers.
         */
        get: operations["health_api_v1_health_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/instances/{instance_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read Instance
         * @description One instance with its full attribute list (tag, keyword, VR, value) for the metadata panel.
         */
        get: operations["read_instance_api_v1_instances__instance_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/labels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Labels
         * @description A project's labels.
         */
        get: operations["list_labels_api_v1_labels_get"];
        put?: never;
        /**
         * Create Label
         * @description Add a label to a project; names are unique per project.
         */
        post: operations["create_label_api_v1_labels_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/labels/{label_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read Label
         * @description One label.
         */
        get: operations["read_label_api_v1_labels__label_id__get"];
        put?: never;
        post?: never;
        /**
         * Delete Label
         * @description Delete an unused label (a label in use answers 409: retire it instead).
         */
        delete: operations["delete_label_api_v1_labels__label_id__delete"];
        options?: never;
        head?: never;
        /**
         * Update Label
         * @description Edit a label, or retire / restore it with ``is_retired``.
         */
        patch: operations["update_label_api_v1_labels__label_id__patch"];
        trace?: never;
    };
    "/api/v1/patients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Patients
         * @description Patients with images the caller may see.
         */
        get: operations["list_patients_api_v1_patients_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Projects
         * @description Every project for admins; one's own projects for everyone else.
         */
        get: operations["list_projects_api_v1_projects_get"];
        put?: never;
        /**
         * Create Project
         * @description Create a project, optionally with its first members.
         */
        post: operations["create_project_api_v1_projects_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read Project
         * @description One project (members only).
         */
        get: operations["read_project_api_v1_projects__project_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update Project
         * @description Rename, describe or archive a project.
         */
        patch: operations["update_project_api_v1_projects__project_id__patch"];
        trace?: never;
    };
    "/api/v1/projects/{project_id}/assignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Assignments
         * @description Label assignments; ``status=pending`` lists those not yet in a task.
         */
        get: operations["list_assignments_api_v1_projects__project_id__assignments_get"];
        put?: never;
        /**
         * Create Assignments
         * @description Assign labels to images: one assignment per label x image.
         */
        post: operations["create_assignments_api_v1_projects__project_id__assignments_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project_id}/images": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Images
         * @description The project's images.
         */
        get: operations["list_images_api_v1_projects__project_id__images_get"];
        put?: never;
        /**
         * Add Images
         * @description Add whole series and/or single instances from the archive.
         */
        post: operations["add_images_api_v1_projects__project_id__images_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project_id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set Member
         * @description Add a member, or change whether they annotate and/or review.
         */
        post: operations["set_member_api_v1_projects__project_id__members_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{project_id}/members/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove Member
         * @description Take a user out of a project (after their open tasks are reassigned).
         */
        delete: operations["remove_member_api_v1_projects__project_id__members__user_id__delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create Review
         * @description Accept, request a correction of, or comment on the version a review item points at.
         */
        post: operations["create_review_api_v1_reviews_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reviews/tasks/{task_id}/items/{index}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Review Screen
         * @description The version a review item points at, with the annotation's versions, reviews and people.
         */
        get: operations["review_screen_api_v1_reviews_tasks__task_id__items__index__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/series": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Series
         * @description Search series by text, study, modality, body part, format and study date range.
         */
        get: operations["list_series_api_v1_series_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/series/{series_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read Series
         * @description One series with its instances in slice order.
         */
        get: operations["read_series_api_v1_series__series_id__get"];
        put?: never;
        post?: never;
        /**
         * Delete Series
         * @description Delete a series: its rows and its files (an emptied study goes too).
         */
        delete: operations["delete_series_api_v1_series__series_id__delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/series/{series_id}/thumbnail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Series Thumbnail
         * @description The middle slice of the series as a small picture (cached; ETag).
         */
        get: operations["series_thumbnail_api_v1_series__series_id__thumbnail_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stats/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My Stats
         * @description The caller's own figures.
         */
        get: operations["my_stats_api_v1_stats_me_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stats/projects/{project_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Project Stats
         * @description Images, assignments, tasks by status, overdue tasks and progress per day.
         */
        get: operations["project_stats_api_v1_stats_projects__project_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stats/projects/{project_id}/labels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Label Stats
         * @description Assignments per label and status.
         */
        get: operations["label_stats_api_v1_stats_projects__project_id__labels_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stats/qc": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Qc Stats
         * @description QC decisions: counts and percentages per decision.
         */
        get: operations["qc_stats_api_v1_stats_qc_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stats/users/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * User Stats
         * @description What one user did: tasks, items, annotations, reviews, active time, per day.
         */
        get: operations["user_stats_api_v1_stats_users__user_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stats/working-now": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Working Now
         * @description Each user's tasks in progress, most recently active first.
         */
        get: operations["working_now_api_v1_stats_working_now_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/studies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Studies
         * @description Search studies by text, modality, body part and study date range.
         */
        get: operations["list_studies_api_v1_studies_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/studies/{study_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read Study
         * @description One study with the series the caller may see.
         */
        get: operations["read_study_api_v1_studies__study_id__get"];
        put?: never;
        post?: never;
        /**
         * Delete Study
         * @description Delete a study: its rows and its files.
         */
        delete: operations["delete_study_api_v1_studies__study_id__delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Tasks
         * @description Search, filter, sort and page through every task.
         */
        get: operations["list_tasks_api_v1_tasks_get"];
        put?: never;
        /**
         * Create Task
         * @description Create one task with its items.
         */
        post: operations["create_task_api_v1_tasks_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{task_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read Task
         * @description One task (one's own, or any for admins).
         */
        get: operations["read_task_api_v1_tasks__task_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update Task
         * @description Edit a task; changing the assignee moves it back to open.
         */
        patch: operations["update_task_api_v1_tasks__task_id__patch"];
        trace?: never;
    };
    "/api/v1/tasks/{task_id}/finish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Finish Task
         * @description The assignee completes the task; pending items need ``force``.
         */
        post: operations["finish_task_api_v1_tasks__task_id__finish_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{task_id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Task History
         * @description Every status change: who, when, from, to.
         */
        get: operations["task_history_api_v1_tasks__task_id__history_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{task_id}/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Items
         * @description The task's items in order.
         */
        get: operations["list_items_api_v1_tasks__task_id__items_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{task_id}/items/{index}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Item At
         * @description The item at ``index`` with the indexes of its neighbours.
         */
        get: operations["item_at_api_v1_tasks__task_id__items__index__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{task_id}/items/{index}/done": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark Item Done
         * @description Mark an item done; finishing the last item finishes the task.
         */
        post: operations["mark_item_done_api_v1_tasks__task_id__items__index__done_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{task_id}/items/{index}/qc": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Item Context
         * @description The item's time points (named ED/ES when known), the labelmaps to judge, its decisions so far.
         */
        get: operations["item_context_api_v1_tasks__task_id__items__index__qc_get"];
        /**
         * Decide
         * @description Accept, reject, fine-tune or leave unclassified one time point of the item, with a comment.
         */
        put: operations["decide_api_v1_tasks__task_id__items__index__qc_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{task_id}/items/{index}/skip": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Skip Item
         * @description Skip an item, saying why.
         */
        post: operations["skip_item_api_v1_tasks__task_id__items__index__skip_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{task_id}/items/{index}/time": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add Active Time
         * @description Add active seconds to an item (the viewer reports them with each autosave).
         */
        post: operations["add_active_time_api_v1_tasks__task_id__items__index__time_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{task_id}/items/next": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Next Pending Item
         * @description The first pending item after index ``after`` (wrapping round).
         */
        get: operations["next_pending_item_api_v1_tasks__task_id__items_next_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{task_id}/qc": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Task Decisions
         * @description Every current decision of the task and how many of each (the pie chart).
         */
        get: operations["task_decisions_api_v1_tasks__task_id__qc_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{task_id}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start Task
         * @description The assignee starts an open task; a task already in progress is answered as it is.
         */
        post: operations["start_task_api_v1_tasks__task_id__start_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{task_id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change Status
         * @description Move a task to another status; 409 lists the statuses allowed next.
         */
        post: operations["change_status_api_v1_tasks__task_id__status_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Bulk Create
         * @description Split a selection into packages and hand them out round-robin or by open workload.
         */
        post: operations["bulk_create_api_v1_tasks_bulk_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/bulk-edit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Bulk Edit
         * @description Change assignee, priority, due date or cancel many tasks: all of them or none.
         */
        post: operations["bulk_edit_api_v1_tasks_bulk_edit_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/mine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List My Tasks
         * @description The caller's own tasks, with the same search, filters and sorting.
         */
        get: operations["list_my_tasks_api_v1_tasks_mine_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload
         * @description Upload DICOM files, NIfTI volumes and zips (multipart field ``files``); one result per file.
         */
        post: operations["upload_api_v1_uploads_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Users
         * @description Search, filter, sort and page through users.
         */
        get: operations["list_users_api_v1_users_get"];
        put?: never;
        /**
         * Create User
         * @description Add a user with roles and an initial password.
         */
        post: operations["create_user_api_v1_users_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read User
         * @description One user's profile.
         */
        get: operations["read_user_api_v1_users__user_id__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update User
         * @description Edit profile fields, roles or the active flag.
         */
        patch: operations["update_user_api_v1_users__user_id__patch"];
        trace?: never;
    };
    "/api/v1/users/{user_id}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deactivate User
         * @description Stop a user from logging in and end their sessions; their work stays.
         */
        post: operations["deactivate_user_api_v1_users__user_id__deactivate_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{user_id}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reset Password
         * @description Set a new password for a user; their sessions end.
         */
        post: operations["reset_password_api_v1_users__user_id__password_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{user_id}/reactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reactivate User
         * @description Let a deactivated user log in again.
         */
        post: operations["reactivate_user_api_v1_users__user_id__reactivate_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read Me
         * @description The logged-in user's own profile.
         */
        get: operations["read_me_api_v1_users_me_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change My Password
         * @description Change one's own password; every session of the user ends, this one included.
         */
        post: operations["change_my_password_api_v1_users_me_password_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dicomweb/instances": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search Instances
         * @description QIDO-RS: search for instances in all studies.
         */
        get: operations["search_instances_dicomweb_instances_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dicomweb/series": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search Series
         * @description QIDO-RS: search for series in all studies.
         */
        get: operations["search_series_dicomweb_series_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dicomweb/studies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search Studies
         * @description QIDO-RS: search for studies (PS3.18 §10.6).
         */
        get: operations["search_studies_dicomweb_studies_get"];
        put?: never;
        /**
         * Store Instances
         * @description STOW-RS: store instances (multipart/related; type="application/dicom").
         */
        post: operations["store_instances_dicomweb_studies_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dicomweb/studies/{study_uid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve Study
         * @description WADO-RS: every instance of a study as multipart/related; type="application/dicom".
         */
        get: operations["retrieve_study_dicomweb_studies__study_uid__get"];
        put?: never;
        /**
         * Store Study Instances
         * @description STOW-RS: store instances of one study; others are refused in FailedSOPSequence.
         */
        post: operations["store_study_instances_dicomweb_studies__study_uid__post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dicomweb/studies/{study_uid}/instances": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search Study Instances
         * @description QIDO-RS: search for instances of one study.
         */
        get: operations["search_study_instances_dicomweb_studies__study_uid__instances_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dicomweb/studies/{study_uid}/metadata": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Study Metadata
         * @description WADO-RS: DICOM JSON of every instance of a study, BulkDataURIs pointing here.
         */
        get: operations["study_metadata_dicomweb_studies__study_uid__metadata_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dicomweb/studies/{study_uid}/series": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search Study Series
         * @description QIDO-RS: search for series of one study.
         */
        get: operations["search_study_series_dicomweb_studies__study_uid__series_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dicomweb/studies/{study_uid}/series/{series_uid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve Series
         * @description WADO-RS: every instance of a series.
         */
        get: operations["retrieve_series_dicomweb_studies__study_uid__series__series_uid__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dicomweb/studies/{study_uid}/series/{series_uid}/instances": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search Series Instances
         * @description QIDO-RS: search for instances of one series.
         */
        get: operations["search_series_instances_dicomweb_studies__study_uid__series__series_uid__instances_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dicomweb/studies/{study_uid}/series/{series_uid}/instances/{instance_uid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve Instance
         * @description WADO-RS: one instance, byte for byte as stored.
         */
        get: operations["retrieve_instance_dicomweb_studies__study_uid__series__series_uid__instances__instance_uid__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dicomweb/studies/{study_uid}/series/{series_uid}/instances/{instance_uid}/bulkdata/{tag}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve Bulkdata
         * @description WADO-RS: the value behind a BulkDataURI of the metadata (PS3.18 §10.4.1.1.3).
         */
        get: operations["retrieve_bulkdata_dicomweb_studies__study_uid__series__series_uid__instances__instance_uid__bulkdata__tag__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dicomweb/studies/{study_uid}/series/{series_uid}/instances/{instance_uid}/frames/{frame_list}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve Frames
         * @description WADO-RS: frames in their stored transfer syntax, not decoded (PS3.18 §10.4.1.1.4).
         */
        get: operations["retrieve_frames_dicomweb_studies__study_uid__series__series_uid__instances__instance_uid__frames__frame_list__get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dicomweb/studies/{study_uid}/series/{series_uid}/instances/{instance_uid}/frames/{frame_list}/rendered": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Rendered Frame
         * @description WADO-RS: one frame rendered as JPEG or PNG.
         */
        get: operations["rendered_frame_dicomweb_studies__study_uid__series__series_uid__instances__instance_uid__frames__frame_list__rendered_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dicomweb/studies/{study_uid}/series/{series_uid}/instances/{instance_uid}/metadata": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Instance Metadata
         * @description WADO-RS: DICOM JSON of one instance.
         */
        get: operations["instance_metadata_dicomweb_studies__study_uid__series__series_uid__instances__instance_uid__metadata_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dicomweb/studies/{study_uid}/series/{series_uid}/instances/{instance_uid}/rendered": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Rendered Instance
         * @description WADO-RS: the first frame rendered as JPEG or PNG, with optional window and viewport.
         */
        get: operations["rendered_instance_dicomweb_studies__study_uid__series__series_uid__instances__instance_uid__rendered_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dicomweb/studies/{study_uid}/series/{series_uid}/instances/{instance_uid}/thumbnail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Instance Thumbnail
         * @description WADO-RS: a small picture of an instance (PS3.18 §10.4.1.1.6).
         */
        get: operations["instance_thumbnail_dicomweb_studies__study_uid__series__series_uid__instances__instance_uid__thumbnail_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dicomweb/studies/{study_uid}/series/{series_uid}/metadata": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Series Metadata
         * @description WADO-RS: DICOM JSON of every instance of a series.
         */
        get: operations["series_metadata_dicomweb_studies__study_uid__series__series_uid__metadata_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dicomweb/studies/{study_uid}/series/{series_uid}/pixeldata": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve Series Pixel Data
         * @description WADO-RS: every frame of a series, not decoded, instance by instance (PS3.18 §10.4.1.1.4).
         *
         *     One request instead of one per frame: a viewer building a volume takes
         *     hundreds of frames at once, and each separate request costs the browser
         *     and the server more than the bytes it carries.
         */
        get: operations["retrieve_series_pixel_data_dicomweb_studies__study_uid__series__series_uid__pixeldata_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dicomweb/studies/{study_uid}/series/{series_uid}/thumbnail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Series Thumbnail
         * @description WADO-RS: a small picture of the middle instance of a series.
         */
        get: operations["series_thumbnail_dicomweb_studies__study_uid__series__series_uid__thumbnail_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/dicomweb/studies/{study_uid}/thumbnail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Study Thumbnail
         * @description WADO-RS: a small picture of a study (the middle instance of its first series).
         */
        get: operations["study_thumbnail_dicomweb_studies__study_uid__thumbnail_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** ActiveTime */
        ActiveTime: {
            /**
             * Seconds
             * @description active seconds since the last report
             */
            seconds: number;
        };
        /**
         * AlgorithmType
         * @description DICOM Segment Algorithm Type (0062,0008), PS3.3 C.8.20.2.
         * @enum {string}
         */
        AlgorithmType: "MANUAL" | "SEMIAUTOMATIC" | "AUTOMATIC";
        /** AnnotationCreate */
        AnnotationCreate: {
            /**
             * Active Seconds
             * @description sent by the client
             * @default 0
             */
            active_seconds?: number;
            /**
             * Client
             * @description client name, version, viewport ...
             */
            client?: {
                [key: string]: unknown;
            } | null;
            /**
             * Client Key
             * @description the client's own key for this annotation: the same create sent again (a retry, or a closing tab's last save while the first is on its way) finds the annotation instead of making another
             */
            client_key?: string | null;
            /**
             * Client Sequence
             * @description orders the bodies sent with one client_key: a body newer than the last one taken in becomes a version, an older one arriving late changes nothing
             * @default 0
             */
            client_sequence?: number;
            /** Content */
            content: components["schemas"]["ClassificationContent"] | components["schemas"]["BoxContent"] | components["schemas"]["ContourContent"] | components["schemas"]["QCContent"] | components["schemas"]["LabelmapContent"];
            /** Instance Id */
            instance_id?: number | null;
            /** Label Assignment Id */
            label_assignment_id?: number | null;
            /** Label Id */
            label_id: number;
            /**
             * Phase
             * @default
             */
            phase?: string;
            /** Project Id */
            project_id: number;
            /** Series Id */
            series_id: number;
            /** Task Item Id */
            task_item_id?: number | null;
            /**
             * Tool
             * @default
             */
            tool?: string;
        };
        /**
         * AnnotationKind
         * @description What an annotation holds.
         * @enum {string}
         */
        AnnotationKind: "classification" | "box" | "contour" | "labelmap" | "qc";
        /** AnnotationRead */
        AnnotationRead: {
            /**
             * Client Key
             * @description the creating client's key for it (see AnnotationCreate.client_key)
             */
            client_key?: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Created By Id */
            created_by_id: number | null;
            /** Final Version Id */
            final_version_id: number | null;
            /** Head Version Id */
            head_version_id: number | null;
            /** Id */
            id: number;
            /** Instance Id */
            instance_id: number | null;
            kind: components["schemas"]["AnnotationKind"];
            /** Label Assignment Id */
            label_assignment_id: number | null;
            /** Label Id */
            label_id: number;
            /** Phase */
            phase: string;
            /** Project Id */
            project_id: number;
            /** Review Count */
            review_count: number;
            /** Series Id */
            series_id: number;
            /** Shape */
            shape: number[] | null;
            status: components["schemas"]["AnnotationStatus"];
            /** Task Item Id */
            task_item_id: number | null;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /** Version Count */
            version_count: number;
            /** Withdrawn At */
            withdrawn_at?: string | null;
            /** Withdrawn By Id */
            withdrawn_by_id?: number | null;
        };
        /**
         * AnnotationStatus
         * @description Where an annotation stands in its review loop.
         * @enum {string}
         */
        AnnotationStatus: "open" | "submitted" | "changes_requested" | "final";
        /** AssignmentRead */
        AssignmentRead: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Id */
            id: number;
            /** Instance Id */
            instance_id: number | null;
            /** Label Id */
            label_id: number;
            /** Project Id */
            project_id: number;
            /** Series Id */
            series_id: number;
            status: components["schemas"]["AssignmentStatus"];
            /** Task Id */
            task_id: number | null;
        };
        /**
         * AssignmentsCreate
         * @description Assign every label in ``label_ids`` to every image (whole series and/or single instances).
         */
        AssignmentsCreate: {
            /** Instance Ids */
            instance_ids?: number[];
            /** Label Ids */
            label_ids: number[];
            /** Series Ids */
            series_ids?: number[];
        };
        /** AssignmentsCreated */
        AssignmentsCreated: {
            /** Already Present */
            already_present: number;
            /** Created */
            created: components["schemas"]["AssignmentRead"][];
        };
        /**
         * AssignmentStatus
         * @description Where a label assignment stands: waiting for a task, inside one, or finished.
         * @enum {string}
         */
        AssignmentStatus: "pending" | "in_task" | "done";
        /**
         * AttributeRead
         * @description One row of the metadata panel; sequence items are flattened with their depth.
         */
        AttributeRead: {
            /**
             * Depth
             * @default 0
             */
            depth?: number;
            /** Keyword */
            keyword: string;
            /** Name */
            name: string;
            /**
             * Tag
             * @description (gggg,eeee)
             */
            tag: string;
            /** Value */
            value: string;
            /** Vr */
            vr: string;
        };
        /** AuditEventRead */
        AuditEventRead: {
            /** Action */
            action: string;
            /** Actor Id */
            actor_id: number | null;
            /** Actor Username */
            actor_username: string | null;
            /**
             * At
             * Format: date-time
             */
            at: string;
            /** Client Address */
            client_address: string | null;
            /** Details */
            details: {
                [key: string]: unknown;
            };
            /** Id */
            id: number;
            /** Object Id */
            object_id: string | null;
            /** Object Type */
            object_type: string | null;
        };
        /** BaseVersion */
        BaseVersion: {
            /** Base Version */
            base_version: number;
        };
        /** Body_import_annotations_api_v1_annotations_import_post */
        Body_import_annotations_api_v1_annotations_import_post: {
            /**
             * Algorithm Name
             * @default
             */
            algorithm_name?: string;
            /** @default AUTOMATIC */
            algorithm_type?: components["schemas"]["AlgorithmType"];
            /** File */
            file: string;
            /**
             * Format
             * @enum {string}
             */
            format: "nifti" | "dicom-seg" | "coco" | "csv";
            /** Project Id */
            project_id: number;
            /**
             * Segments
             * @description JSON list of {"number", "label_id"}
             * @default
             */
            segments?: string;
            /** Series Id */
            series_id?: number | null;
        };
        /** BoxContent */
        BoxContent: {
            /**
             * Frame
             * @default 0
             */
            frame?: number;
            /** Height */
            height: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "box";
            /** Width */
            width: number;
            /** X */
            x: number;
            /** Y */
            y: number;
        };
        /**
         * BulkCreate
         * @description Split ``items`` into packages of ``package_size`` and hand them out.
         */
        BulkCreate: {
            /** Assignee Ids */
            assignee_ids?: number[];
            /**
             * Description
             * @default
             */
            description?: string;
            /** Due At */
            due_at?: string | null;
            /** Items */
            items: components["schemas"]["ItemRef"][];
            kind: components["schemas"]["TaskKind"];
            /** Name Prefix */
            name_prefix: string;
            /** Package Size */
            package_size: number;
            /**
             * Priority
             * @default normal
             * @enum {string}
             */
            priority?: "low" | "normal" | "high" | "urgent";
            /** Project Id */
            project_id: number;
            /**
             * Strategy
             * @default round_robin
             * @enum {string}
             */
            strategy?: "round_robin" | "balanced";
        };
        /** BulkCreated */
        BulkCreated: {
            /** Tasks */
            tasks: components["schemas"]["TaskRead"][];
        };
        /**
         * BulkEdit
         * @description The same change to many tasks at once; all of them change or none.
         */
        BulkEdit: {
            /** Assignee Id */
            assignee_id?: number | null;
            /**
             * Cancel
             * @default false
             */
            cancel?: boolean;
            /** Due At */
            due_at?: string | null;
            /** Priority */
            priority?: ("low" | "normal" | "high" | "urgent") | null;
            /**
             * Reason
             * @default
             */
            reason?: string;
            /** Task Ids */
            task_ids: number[];
            /**
             * Unassign
             * @default false
             */
            unassign?: boolean;
        };
        /** BulkEdited */
        BulkEdited: {
            /** Updated */
            updated: number;
        };
        /** ClassificationContent */
        ClassificationContent: {
            /**
             * Bad Quality
             * @default false
             */
            bad_quality?: boolean;
            /**
             * Comment
             * @default
             */
            comment?: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "classification";
            /**
             * Tentative
             * @default false
             */
            tentative?: boolean;
            /** Values */
            values: components["schemas"]["ClassificationValue"][];
        };
        /** ClassificationValue */
        ClassificationValue: {
            /** Label Id */
            label_id: number;
            /** Value */
            value?: string | null;
        };
        /** ContourContent */
        ContourContent: {
            /**
             * Closed
             * @default true
             */
            closed?: boolean;
            /**
             * Frame
             * @description frame of the instance
             * @default 0
             */
            frame?: number;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "contour";
            /** Points */
            points: [
                number,
                number
            ][];
            /** @default polygon */
            spline?: components["schemas"]["SplineType"];
        };
        /** DayCount */
        DayCount: {
            /** Count */
            count: number;
            /**
             * Day
             * Format: date
             */
            day: string;
        };
        /** DeleteResult */
        DeleteResult: {
            /** Deleted Instances */
            deleted_instances: number;
            /** Deleted Series */
            deleted_series: number;
            /**
             * Deleted Studies
             * @default 0
             */
            deleted_studies?: number;
        };
        /** DraftRead */
        DraftRead: {
            /** Active Seconds */
            active_seconds: number;
            /** Annotation Id */
            annotation_id: number;
            /** Author Id */
            author_id: number;
            /** Base Number */
            base_number: number;
            /** Content */
            content: {
                [key: string]: unknown;
            };
            /** Content Hash */
            content_hash: string;
            /** Saves */
            saves: number;
            /** Tool */
            tool: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /**
         * DraftSave
         * @description Autosave: ``active_seconds`` is the time since the previous draft.
         */
        DraftSave: {
            /**
             * Active Seconds
             * @description sent by the client
             * @default 0
             */
            active_seconds?: number;
            /**
             * Base Version
             * @description number of the version this save builds on
             */
            base_version: number;
            /**
             * Client
             * @description client name, version, viewport ...
             */
            client?: {
                [key: string]: unknown;
            } | null;
            /** Content */
            content: components["schemas"]["ClassificationContent"] | components["schemas"]["BoxContent"] | components["schemas"]["ContourContent"] | components["schemas"]["QCContent"] | components["schemas"]["LabelmapContent"];
            /**
             * Tool
             * @default
             */
            tool?: string;
        };
        /**
         * ExportFormat
         * @enum {string}
         */
        ExportFormat: "dicom-seg" | "nifti" | "coco" | "csv" | "json";
        /** ExportRequest */
        ExportRequest: {
            /** Annotation Ids */
            annotation_ids?: number[] | null;
            format: components["schemas"]["ExportFormat"];
            /** Project Id */
            project_id?: number | null;
            /** Task Id */
            task_id?: number | null;
            /** @default latest */
            which?: components["schemas"]["ExportWhich"];
        };
        /**
         * ExportWhich
         * @description Final (accepted) versions only, or the latest version of every annotation.
         * @enum {string}
         */
        ExportWhich: "final" | "latest";
        /** FinishTask */
        FinishTask: {
            /**
             * Force
             * @description finish even though some items are still pending
             * @default false
             */
            force?: boolean;
        };
        /** Health */
        Health: {
            /** Database */
            database: string;
            /** Database Backend */
            database_backend: string;
            /** Status */
            status: string;
            /** Version */
            version: string;
        };
        /** HTTPValidationError */
        HTTPValidationError: {
            /** Detail */
            detail?: components["schemas"]["ValidationError"][];
        };
        /**
         * ImagesAdd
         * @description Whole series and/or single instances to add to a project.
         */
        ImagesAdd: {
            /** Instance Ids */
            instance_ids?: number[];
            /** Series Ids */
            series_ids?: number[];
        };
        /** ImagesAdded */
        ImagesAdded: {
            /** Added */
            added: number;
            /** Already Present */
            already_present: number;
        };
        /** InstanceAttributes */
        InstanceAttributes: {
            /** Attributes */
            attributes: components["schemas"]["AttributeRead"][];
            instance: components["schemas"]["InstanceRead"];
            /** Series Id */
            series_id: number;
        };
        /** InstanceRead */
        InstanceRead: {
            /** Columns */
            columns: number | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Id */
            id: number;
            /** Image Orientation */
            image_orientation: number[] | null;
            /** Image Position */
            image_position: number[] | null;
            /** Instance Number */
            instance_number: number | null;
            /** Number Of Frames */
            number_of_frames: number;
            /** Rows */
            rows: number | null;
            /** Size Bytes */
            size_bytes: number;
            /** Slice Location */
            slice_location: number | null;
            /** Sop Class Uid */
            sop_class_uid: string;
            /** Sop Instance Uid */
            sop_instance_uid: string;
            /** Temporal Position */
            temporal_position: number | null;
            /** Transfer Syntax Uid */
            transfer_syntax_uid: string;
        };
        /**
         * ItemAt
         * @description An item with its place in the task, for walking next / previous / by index.
         */
        ItemAt: {
            /** Index */
            index: number;
            item: components["schemas"]["TaskItemRead"];
            /** Next Index */
            next_index: number | null;
            /** Next Pending Index */
            next_pending_index: number | null;
            /** Previous Index */
            previous_index: number | null;
            /** Total */
            total: number;
        };
        /** ItemCounts */
        ItemCounts: {
            /** Finished */
            finished: number;
            /** Total */
            total: number;
        };
        /**
         * ItemRef
         * @description One thing to work on. Give exactly one of: a label assignment, an annotation version
         *     (with the series it is drawn on), an instance, or a series.
         */
        ItemRef: {
            /** Annotation Version Id */
            annotation_version_id?: number | null;
            /** Instance Id */
            instance_id?: number | null;
            /** Label Assignment Id */
            label_assignment_id?: number | null;
            /** Series Id */
            series_id?: number | null;
        };
        /**
         * ItemStatus
         * @enum {string}
         */
        ItemStatus: "pending" | "done" | "skipped";
        /**
         * ItemType
         * @description What a task item points at.
         * @enum {string}
         */
        ItemType: "series" | "instance" | "label_assignment" | "annotation_version";
        /** LabelCreate */
        LabelCreate: {
            /** Allowed Values */
            allowed_values?: string[];
            /**
             * Color
             * @default #e6194b
             */
            color?: string;
            /**
             * Description
             * @default
             */
            description?: string;
            kind: components["schemas"]["LabelKind"];
            /** Name */
            name: string;
            /** Project Id */
            project_id: number;
        };
        /**
         * LabelKind
         * @description How a label is drawn: a class for the whole image, a box, a contour, or a voxel mask.
         * @enum {string}
         */
        LabelKind: "classification" | "box" | "contour" | "segmentation";
        /**
         * LabelmapContent
         * @description Changed slices on top of the base version (``patch`` in the JSON patch form), and the segments.
         */
        LabelmapContent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "labelmap";
            /** Patch */
            patch?: {
                [key: string]: unknown;
            } | null;
            /** Segments */
            segments: components["schemas"]["SegmentRef"][];
        };
        /** LabelRead */
        LabelRead: {
            /** Allowed Values */
            allowed_values: string[];
            /** Color */
            color: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Description */
            description: string;
            /** Id */
            id: number;
            /** Is Retired */
            is_retired: boolean;
            kind: components["schemas"]["LabelKind"];
            /** Name */
            name: string;
            /** Project Id */
            project_id: number;
        };
        /** LabelStats */
        LabelStats: {
            /** Assignments */
            assignments: number;
            /** By Status */
            by_status: {
                [key: string]: number;
            };
            /** Is Retired */
            is_retired: boolean;
            /** Kind */
            kind: string;
            /** Label Id */
            label_id: number;
            /** Name */
            name: string;
        };
        /** LabelUpdate */
        LabelUpdate: {
            /** Allowed Values */
            allowed_values?: string[] | null;
            /** Color */
            color?: string | null;
            /** Description */
            description?: string | null;
            /** Is Retired */
            is_retired?: boolean | null;
            /** Name */
            name?: string | null;
        };
        /** LoginRequest */
        LoginRequest: {
            /** Password */
            password: string;
            /** Username */
            username: string;
        };
        /** MemberIn */
        MemberIn: {
            /**
             * Can Annotate
             * @default true
             */
            can_annotate?: boolean;
            /**
             * Can Review
             * @default false
             */
            can_review?: boolean;
            /** User Id */
            user_id: number;
        };
        /** MemberRead */
        MemberRead: {
            /** Can Annotate */
            can_annotate: boolean;
            /** Can Review */
            can_review: boolean;
            /** Full Name */
            full_name: string;
            /** User Id */
            user_id: number;
            /** Username */
            username: string;
        };
        /** Page[AnnotationRead] */
        Page_AnnotationRead_: {
            /** Items */
            items: components["schemas"]["AnnotationRead"][];
            /** Limit */
            limit: number;
            /** Offset */
            offset: number;
            /** Total */
            total: number;
        };
        /** Page[AssignmentRead] */
        Page_AssignmentRead_: {
            /** Items */
            items: components["schemas"]["AssignmentRead"][];
            /** Limit */
            limit: number;
            /** Offset */
            offset: number;
            /** Total */
            total: number;
        };
        /** Page[AuditEventRead] */
        Page_AuditEventRead_: {
            /** Items */
            items: components["schemas"]["AuditEventRead"][];
            /** Limit */
            limit: number;
            /** Offset */
            offset: number;
            /** Total */
            total: number;
        };
        /** Page[PatientRead] */
        Page_PatientRead_: {
            /** Items */
            items: components["schemas"]["PatientRead"][];
            /** Limit */
            limit: number;
            /** Offset */
            offset: number;
            /** Total */
            total: number;
        };
        /** Page[ProjectImageRead] */
        Page_ProjectImageRead_: {
            /** Items */
            items: components["schemas"]["ProjectImageRead"][];
            /** Limit */
            limit: number;
            /** Offset */
            offset: number;
            /** Total */
            total: number;
        };
        /** Page[ProjectRead] */
        Page_ProjectRead_: {
            /** Items */
            items: components["schemas"]["ProjectRead"][];
            /** Limit */
            limit: number;
            /** Offset */
            offset: number;
            /** Total */
            total: number;
        };
        /** Page[SeriesRead] */
        Page_SeriesRead_: {
            /** Items */
            items: components["schemas"]["SeriesRead"][];
            /** Limit */
            limit: number;
            /** Offset */
            offset: number;
            /** Total */
            total: number;
        };
        /** Page[StudyRead] */
        Page_StudyRead_: {
            /** Items */
            items: components["schemas"]["StudyRead"][];
            /** Limit */
            limit: number;
            /** Offset */
            offset: number;
            /** Total */
            total: number;
        };
        /** Page[TaskItemRead] */
        Page_TaskItemRead_: {
            /** Items */
            items: components["schemas"]["TaskItemRead"][];
            /** Limit */
            limit: number;
            /** Offset */
            offset: number;
            /** Total */
            total: number;
        };
        /** Page[TaskRead] */
        Page_TaskRead_: {
            /** Items */
            items: components["schemas"]["TaskRead"][];
            /** Limit */
            limit: number;
            /** Offset */
            offset: number;
            /** Total */
            total: number;
        };
        /** Page[UserRead] */
        Page_UserRead_: {
            /** Items */
            items: components["schemas"]["UserRead"][];
            /** Limit */
            limit: number;
            /** Offset */
            offset: number;
            /** Total */
            total: number;
        };
        /** PasswordChange */
        PasswordChange: {
            /** Current Password */
            current_password: string;
            /** New Password */
            new_password: string;
        };
        /** PasswordReset */
        PasswordReset: {
            /** New Password */
            new_password: string;
        };
        /** PatientRead */
        PatientRead: {
            /** Birth Date */
            birth_date: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Id */
            id: number;
            /**
             * Number Of Studies
             * @default 0
             */
            number_of_studies?: number;
            /** Patient Id */
            patient_id: string;
            /** Patient Name */
            patient_name: string;
            /** Sex */
            sex: string;
        };
        /** PatientSummary */
        PatientSummary: {
            /** Birth Date */
            birth_date: string | null;
            /** Id */
            id: number;
            /** Patient Id */
            patient_id: string;
            /** Patient Name */
            patient_name: string;
            /** Sex */
            sex: string;
        };
        /** PinnedComment */
        PinnedComment: {
            /** Slice Index */
            slice_index?: number | null;
            /** Text */
            text: string;
            /** X */
            x?: number | null;
            /** Y */
            y?: number | null;
        };
        /** PinnedCommentRead */
        PinnedCommentRead: {
            /** Slice Index */
            slice_index: number | null;
            /** Text */
            text: string;
            /** X */
            x: number | null;
            /** Y */
            y: number | null;
        };
        /** ProjectCreate */
        ProjectCreate: {
            /**
             * Description
             * @default
             */
            description?: string;
            /** Members */
            members?: components["schemas"]["MemberIn"][];
            /** Name */
            name: string;
        };
        /** ProjectImageRead */
        ProjectImageRead: {
            /**
             * Added At
             * Format: date-time
             */
            added_at: string;
            /** Id */
            id: number;
            /** Instance Id */
            instance_id: number | null;
            /** Series Id */
            series_id: number;
        };
        /** ProjectRead */
        ProjectRead: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Description */
            description: string;
            /** Id */
            id: number;
            /** Is Archived */
            is_archived: boolean;
            /** Members */
            members: components["schemas"]["MemberRead"][];
            /** Name */
            name: string;
        };
        /** ProjectStats */
        ProjectStats: {
            /** Active Seconds */
            active_seconds: number;
            assignments: components["schemas"]["StatusCounts"];
            /** Images */
            images: number;
            items: components["schemas"]["ItemCounts"];
            /** Name */
            name: string;
            /** Progress Per Day */
            progress_per_day: components["schemas"]["DayCount"][];
            /** Project Id */
            project_id: number;
            tasks: components["schemas"]["TaskCounts"];
        };
        /** ProjectUpdate */
        ProjectUpdate: {
            /** Description */
            description?: string | null;
            /** Is Archived */
            is_archived?: boolean | null;
            /** Name */
            name?: string | null;
        };
        /** QCContent */
        QCContent: {
            /**
             * Comment
             * @default
             */
            comment?: string;
            decision: components["schemas"]["QCDecision"];
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "qc";
        };
        /** QcDecide */
        QcDecide: {
            /**
             * Active Seconds
             * @default 0
             */
            active_seconds?: number;
            /**
             * Comment
             * @default
             */
            comment?: string;
            decision: components["schemas"]["QCDecision"];
            /**
             * Phase
             * @description time point number; '' for a 3D series
             * @default
             */
            phase?: string;
        };
        /**
         * QCDecision
         * @description A segmentation quality-control verdict (per series and time point).
         * @enum {string}
         */
        QCDecision: "accept" | "reject" | "fine-tune" | "unclassified";
        /** QcDecisionCount */
        QcDecisionCount: {
            /** Count */
            count: number;
            /** Decision */
            decision: string;
            /** Percent */
            percent: number;
        };
        /** QcDecisionRead */
        QcDecisionRead: {
            /** Annotation Id */
            annotation_id: number;
            /** Comment */
            comment: string;
            /**
             * Decided At
             * Format: date-time
             */
            decided_at: string;
            decision: components["schemas"]["QCDecision"];
            /** Index */
            index: number;
            /** Item Id */
            item_id: number;
            /** Phase */
            phase: string;
            /** Series Id */
            series_id: number;
            /** Version */
            version: number;
        };
        /** QcItemContext */
        QcItemContext: {
            /** Decisions */
            decisions: components["schemas"]["QcDecisionRead"][];
            item: components["schemas"]["TaskItemRead"];
            /** Segmentations */
            segmentations: components["schemas"]["QcSegmentation"][];
            /** Time Points */
            time_points: components["schemas"]["QcTimePoint"][];
        };
        /** QcSegmentation */
        QcSegmentation: {
            /** Annotation Id */
            annotation_id: number;
            /** Label Id */
            label_id: number;
            /** Phase */
            phase: string;
            /** Version */
            version: number;
        };
        /** QcStats */
        QcStats: {
            /** Decisions */
            decisions: components["schemas"]["QcDecisionCount"][];
            /** Project Id */
            project_id: number | null;
            /** Total */
            total: number;
        };
        /** QcTaskDecisions */
        QcTaskDecisions: {
            /** Counts */
            counts: {
                [key: string]: number;
            };
            /** Decisions */
            decisions: components["schemas"]["QcDecisionRead"][];
        };
        /** QcTimePoint */
        QcTimePoint: {
            /** Name */
            name: string;
            /** Phase */
            phase: string;
        };
        /**
         * ReviewContextRead
         * @description The review screen of one review item: the version under review and the annotation's history.
         */
        ReviewContextRead: {
            annotation: components["schemas"]["AnnotationRead"];
            item: components["schemas"]["TaskItemRead"];
            /** People */
            people: {
                [key: string]: string;
            };
            /** Reviews */
            reviews: components["schemas"]["ReviewRead"][];
            version: components["schemas"]["VersionRead"];
            /** Versions */
            versions: components["schemas"]["VersionSummary"][];
        };
        /** ReviewCreate */
        ReviewCreate: {
            /**
             * Comment
             * @default
             */
            comment?: string;
            /** Comments */
            comments?: components["schemas"]["PinnedComment"][];
            outcome: components["schemas"]["ReviewOutcome"];
            /** Task Item Id */
            task_item_id: number;
        };
        /**
         * ReviewOutcome
         * @description A reviewer's decision on one version.
         * @enum {string}
         */
        ReviewOutcome: "accept" | "request_correction" | "comment";
        /** ReviewRead */
        ReviewRead: {
            /** Annotation Id */
            annotation_id: number;
            /** Comment */
            comment: string;
            /** Comments */
            comments?: components["schemas"]["PinnedCommentRead"][];
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Id */
            id: number;
            /** Number */
            number: number;
            outcome: components["schemas"]["ReviewOutcome"];
            /** Reviewer Id */
            reviewer_id: number | null;
            /** Task Item Id */
            task_item_id: number | null;
            /** Version Id */
            version_id: number;
        };
        /**
         * Role
         * @description What a user may do across LabelStack; a user may hold several.
         * @enum {string}
         */
        Role: "admin" | "annotator" | "reviewer";
        /** SegmentRef */
        SegmentRef: {
            /** Label Id */
            label_id: number;
            /** Number */
            number: number;
        };
        /**
         * SeriesDetail
         * @description A series with its instances in slice order (time point, position along the normal, number).
         */
        SeriesDetail: {
            /** Body Part */
            body_part: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Description */
            description: string;
            /** Extra */
            extra: {
                [key: string]: unknown;
            };
            /** Frame Of Reference Uid */
            frame_of_reference_uid: string;
            /** Id */
            id: number;
            /** Instances */
            instances: components["schemas"]["InstanceRead"][];
            /** Modality */
            modality: string;
            /** Number Of Frames */
            number_of_frames: number;
            /** Number Of Instances */
            number_of_instances: number;
            /** Patient Id */
            patient_id: string;
            /** Patient Name */
            patient_name: string;
            /** Series Instance Uid */
            series_instance_uid: string;
            /** Series Number */
            series_number: number | null;
            /** Size Bytes */
            size_bytes: number;
            /** Source */
            source: string;
            /** Source Format */
            source_format: string;
            /** Study Date */
            study_date: string | null;
            /** Study Description */
            study_description: string;
            /** Study Id */
            study_id: number;
            /** Study Instance Uid */
            study_instance_uid: string;
        };
        /** SeriesRead */
        SeriesRead: {
            /** Body Part */
            body_part: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Description */
            description: string;
            /** Extra */
            extra: {
                [key: string]: unknown;
            };
            /** Frame Of Reference Uid */
            frame_of_reference_uid: string;
            /** Id */
            id: number;
            /** Modality */
            modality: string;
            /** Number Of Frames */
            number_of_frames: number;
            /** Number Of Instances */
            number_of_instances: number;
            /** Patient Id */
            patient_id: string;
            /** Patient Name */
            patient_name: string;
            /** Series Instance Uid */
            series_instance_uid: string;
            /** Series Number */
            series_number: number | null;
            /** Size Bytes */
            size_bytes: number;
            /** Source */
            source: string;
            /** Source Format */
            source_format: string;
            /** Study Date */
            study_date: string | null;
            /** Study Description */
            study_description: string;
            /** Study Id */
            study_id: number;
            /** Study Instance Uid */
            study_instance_uid: string;
        };
        /** SkipItem */
        SkipItem: {
            /** Reason */
            reason: string;
        };
        /**
         * SplineType
         * @description How a contour's control points are joined.
         * @enum {string}
         */
        SplineType: "polygon" | "catmull-rom" | "bspline" | "linear";
        /** StatusChange */
        StatusChange: {
            /**
             * Force
             * @default false
             */
            force?: boolean;
            /**
             * Reason
             * @default
             */
            reason?: string;
            status: components["schemas"]["TaskStatus"];
        };
        /** StatusCounts */
        StatusCounts: {
            /** By Status */
            by_status: {
                [key: string]: number;
            };
            /** Total */
            total: number;
        };
        /** StudyDetail */
        StudyDetail: {
            /** Accession Number */
            accession_number: string;
            /** Body Parts */
            body_parts: string[];
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Description */
            description: string;
            /** Id */
            id: number;
            /** Modalities */
            modalities: string[];
            /** Number Of Instances */
            number_of_instances: number;
            /** Number Of Series */
            number_of_series: number;
            patient: components["schemas"]["PatientSummary"];
            /** Referring Physician */
            referring_physician: string;
            /** Series */
            series: components["schemas"]["SeriesRead"][];
            /** Size Bytes */
            size_bytes: number;
            /** Study Date */
            study_date: string | null;
            /** Study Id */
            study_id: string;
            /** Study Instance Uid */
            study_instance_uid: string;
            /** Study Time */
            study_time: string;
        };
        /** StudyRead */
        StudyRead: {
            /** Accession Number */
            accession_number: string;
            /** Body Parts */
            body_parts: string[];
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Description */
            description: string;
            /** Id */
            id: number;
            /** Modalities */
            modalities: string[];
            /** Number Of Instances */
            number_of_instances: number;
            /** Number Of Series */
            number_of_series: number;
            patient: components["schemas"]["PatientSummary"];
            /** Referring Physician */
            referring_physician: string;
            /** Size Bytes */
            size_bytes: number;
            /** Study Date */
            study_date: string | null;
            /** Study Id */
            study_id: string;
            /** Study Instance Uid */
            study_instance_uid: string;
            /** Study Time */
            study_time: string;
        };
        /** TaskCounts */
        TaskCounts: {
            /** By Status */
            by_status: {
                [key: string]: number;
            };
            /** Overdue */
            overdue: number;
            /** Total */
            total: number;
        };
        /** TaskCreate */
        TaskCreate: {
            /** Assignee Id */
            assignee_id?: number | null;
            /**
             * Description
             * @default
             */
            description?: string;
            /** Due At */
            due_at?: string | null;
            /** Items */
            items?: components["schemas"]["ItemRef"][];
            kind: components["schemas"]["TaskKind"];
            /** Name */
            name: string;
            /**
             * Priority
             * @default normal
             * @enum {string}
             */
            priority?: "low" | "normal" | "high" | "urgent";
            /** Project Id */
            project_id: number;
        };
        /** TaskEventRead */
        TaskEventRead: {
            /** Actor Id */
            actor_id: number | null;
            /** Actor Username */
            actor_username: string | null;
            /**
             * At
             * Format: date-time
             */
            at: string;
            from_status: components["schemas"]["TaskStatus"] | null;
            /** Id */
            id: number;
            /** Reason */
            reason: string;
            to_status: components["schemas"]["TaskStatus"];
        };
        /** TaskItemRead */
        TaskItemRead: {
            /** Active Seconds */
            active_seconds: number;
            /** Annotation Version Id */
            annotation_version_id: number | null;
            /** Finished At */
            finished_at: string | null;
            /** Id */
            id: number;
            /** Instance Id */
            instance_id: number | null;
            item_type: components["schemas"]["ItemType"];
            /** Label Assignment Id */
            label_assignment_id: number | null;
            /** Position */
            position: number;
            /** Series Id */
            series_id: number;
            /** Skip Reason */
            skip_reason: string;
            status: components["schemas"]["ItemStatus"];
            /** Task Id */
            task_id: number;
        };
        /**
         * TaskKind
         * @description The kind of work: classify images, draw per label assignment, check annotations, or QC.
         * @enum {string}
         */
        TaskKind: "label" | "annotate" | "review" | "qc";
        /** TaskRead */
        TaskRead: {
            /** Active Seconds */
            active_seconds: number;
            /** Assignee Id */
            assignee_id: number | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Created By Id */
            created_by_id: number | null;
            /** Description */
            description: string;
            /** Due At */
            due_at: string | null;
            /** Finished At */
            finished_at: string | null;
            /** Id */
            id: number;
            /** Items Done */
            items_done: number;
            /** Items Finished */
            items_finished: number;
            /** Items Skipped */
            items_skipped: number;
            /** Items Total */
            items_total: number;
            kind: components["schemas"]["TaskKind"];
            /** Last Activity At */
            last_activity_at: string | null;
            /** Name */
            name: string;
            /**
             * Overdue
             * @default false
             */
            overdue?: boolean;
            /**
             * Priority
             * @enum {string}
             */
            priority: "low" | "normal" | "high" | "urgent";
            /**
             * Progress
             * @default 0
             */
            progress?: number;
            /** Project Id */
            project_id: number;
            /** Started At */
            started_at: string | null;
            status: components["schemas"]["TaskStatus"];
        };
        /**
         * TaskStatus
         * @description Workflow states; the allowed changes live in ``services.task_workflow``.
         * @enum {string}
         */
        TaskStatus: "unassigned" | "open" | "in_progress" | "done" | "cancelled";
        /**
         * TaskUpdate
         * @description Fields an admin may change; omitted fields stay. ``assignee_id: null`` unassigns.
         */
        TaskUpdate: {
            /** Assignee Id */
            assignee_id?: number | null;
            /** Description */
            description?: string | null;
            /** Due At */
            due_at?: string | null;
            /** Name */
            name?: string | null;
            /** Priority */
            priority?: ("low" | "normal" | "high" | "urgent") | null;
        };
        /** TokenResponse */
        TokenResponse: {
            /** Access Token */
            access_token: string;
            /**
             * Csrf Token
             * @description Send as X-CSRF-Token on state-changing cookie requests.
             */
            csrf_token: string;
            /**
             * Token Type
             * @default bearer
             */
            token_type?: string;
        };
        /** UploadItemRead */
        UploadItemRead: {
            /**
             * Instances
             * @default 1
             */
            instances?: number;
            /** Name */
            name: string;
            /** Reason */
            reason?: string | null;
            /** Series Instance Uid */
            series_instance_uid?: string | null;
            /** Sop Class Uid */
            sop_class_uid?: string | null;
            /** Sop Instance Uid */
            sop_instance_uid?: string | null;
            /**
             * Status
             * @enum {string}
             */
            status: "stored" | "duplicate" | "rejected";
            /** Study Instance Uid */
            study_instance_uid?: string | null;
            /** Transfer Syntax Uid */
            transfer_syntax_uid?: string | null;
        };
        /** UploadResult */
        UploadResult: {
            /** Duplicates */
            duplicates: number;
            /** Items */
            items: components["schemas"]["UploadItemRead"][];
            /** Rejected */
            rejected: number;
            /** Stored */
            stored: number;
        };
        /** UserCreate */
        UserCreate: {
            /**
             * Description
             * @default
             */
            description?: string;
            /** Email */
            email?: string | null;
            /**
             * Experience
             * @description free text, e.g. '8 years cardiac MR'
             * @default
             */
            experience?: string;
            /**
             * Full Name
             * @default
             */
            full_name?: string;
            /** Password */
            password: string;
            /** Roles */
            roles: components["schemas"]["Role"][];
            /**
             * Title
             * @description e.g. 'Consultant radiologist'
             * @default
             */
            title?: string;
            /** Username */
            username: string;
        };
        /** UserDay */
        UserDay: {
            /** Active Seconds */
            active_seconds: number;
            /**
             * Day
             * Format: date
             */
            day: string;
            /** Items Finished */
            items_finished: number;
        };
        /** UserRead */
        UserRead: {
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Description */
            description: string;
            /** Email */
            email: string | null;
            /** Experience */
            experience: string;
            /** Full Name */
            full_name: string;
            /** Id */
            id: number;
            /** Is Active */
            is_active: boolean;
            /** Last Login At */
            last_login_at: string | null;
            /** Roles */
            roles: components["schemas"]["Role"][];
            /** Title */
            title: string;
            /** Username */
            username: string;
        };
        /** UserStats */
        UserStats: {
            /** Active Seconds */
            active_seconds: number;
            /**
             * Annotations Made
             * @description annotations the user saved a version of (imports included)
             */
            annotations_made: number;
            /** Items Done */
            items_done: number;
            /** Items Skipped */
            items_skipped: number;
            /** Per Day */
            per_day: components["schemas"]["UserDay"][];
            /**
             * Reviews Made
             * @description review decisions the user recorded
             */
            reviews_made: number;
            tasks: components["schemas"]["UserTaskCounts"];
            /** User Id */
            user_id: number;
            /** Username */
            username: string;
        };
        /** UserTaskCounts */
        UserTaskCounts: {
            /** By Status */
            by_status: {
                [key: string]: number;
            };
            /** Done */
            done: number;
        };
        /**
         * UserUpdate
         * @description Fields an admin may change; omitted fields stay as they are.
         */
        UserUpdate: {
            /** Description */
            description?: string | null;
            /** Email */
            email?: string | null;
            /** Experience */
            experience?: string | null;
            /** Full Name */
            full_name?: string | null;
            /** Is Active */
            is_active?: boolean | null;
            /** Roles */
            roles?: components["schemas"]["Role"][] | null;
            /** Title */
            title?: string | null;
        };
        /** ValidationError */
        ValidationError: {
            /** Context */
            ctx?: Record<string, never>;
            /** Input */
            input?: unknown;
            /** Location */
            loc: (string | number)[];
            /** Message */
            msg: string;
            /** Error Type */
            type: string;
        };
        /** VersionRead */
        VersionRead: {
            /** Active Seconds */
            active_seconds: number;
            /** Annotation Id */
            annotation_id: number;
            /** Author Id */
            author_id: number | null;
            /** Client */
            client: {
                [key: string]: unknown;
            };
            /** Content */
            content: {
                [key: string]: unknown;
            };
            /** Content Hash */
            content_hash: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Id */
            id: number;
            /** Number */
            number: number;
            /** Parent Id */
            parent_id: number | null;
            /** Restored From */
            restored_from: number | null;
            /** Source */
            source: string;
            /** Tool */
            tool: string;
        };
        /** VersionSave */
        VersionSave: {
            /**
             * Active Seconds
             * @description sent by the client
             * @default 0
             */
            active_seconds?: number;
            /**
             * Base Version
             * @description number of the version this save builds on
             */
            base_version: number;
            /**
             * Client
             * @description client name, version, viewport ...
             */
            client?: {
                [key: string]: unknown;
            } | null;
            /** Content */
            content: components["schemas"]["ClassificationContent"] | components["schemas"]["BoxContent"] | components["schemas"]["ContourContent"] | components["schemas"]["QCContent"] | components["schemas"]["LabelmapContent"];
            /**
             * Tool
             * @default
             */
            tool?: string;
        };
        /** VersionSummary */
        VersionSummary: {
            /** Active Seconds */
            active_seconds: number;
            /** Annotation Id */
            annotation_id: number;
            /** Author Id */
            author_id: number | null;
            /** Client */
            client: {
                [key: string]: unknown;
            };
            /** Content Hash */
            content_hash: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Id */
            id: number;
            /** Number */
            number: number;
            /** Parent Id */
            parent_id: number | null;
            /** Restored From */
            restored_from: number | null;
            /** Source */
            source: string;
            /** Tool */
            tool: string;
        };
        /**
         * Withdrawal
         * @description Withdrawing an annotation: the version the client last saw, and the time spent since its last save.
         */
        Withdrawal: {
            /**
             * Active Seconds
             * @default 0
             */
            active_seconds?: number;
            /** Base Version */
            base_version: number;
        };
        /** WorkingNow */
        WorkingNow: {
            /** Current Index */
            current_index: number | null;
            /** Items Finished */
            items_finished: number;
            /** Items Total */
            items_total: number;
            /** Kind */
            kind: string;
            /** Last Activity At */
            last_activity_at: string | null;
            /** Project Id */
            project_id: number;
            /** Project Name */
            project_name: string;
            /** Task Id */
            task_id: number;
            /** Task Name */
            task_name: string;
            /** Tasks In Progress */
            tasks_in_progress: number;
            /** User Id */
            user_id: number;
            /** Username */
            username: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    list_annotations_api_v1_annotations_get: {
        parameters: {
            query?: {
                include_withdrawn?: boolean;
                label_id?: number | null;
                limit?: number;
                offset?: number;
                project_id?: number | null;
                series_id?: number | null;
                status?: components["schemas"]["AnnotationStatus"] | null;
                task_id?: number | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_AnnotationRead_"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    create_annotation_api_v1_annotations_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AnnotationCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnnotationRead"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    get_annotation_api_v1_annotations__annotation_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                annotation_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnnotationRead"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    get_draft_api_v1_annotations__annotation_id__draft_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                annotation_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DraftRead"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    put_draft_api_v1_annotations__annotation_id__draft_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                annotation_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DraftSave"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DraftRead"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    discard_draft_api_v1_annotations__annotation_id__draft_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                annotation_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    put_labelmap_draft_api_v1_annotations__annotation_id__draft_labelmap_put: {
        parameters: {
            query: {
                active_seconds?: number;
                base_version: number;
                tool?: string;
            };
            header?: never;
            path: {
                annotation_id: number;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/vnd.labelstack.labelmap-patch": string;
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DraftRead"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    promote_draft_api_v1_annotations__annotation_id__draft_promote_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                annotation_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionRead"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    save_labelmap_patch_api_v1_annotations__annotation_id__labelmap_post: {
        parameters: {
            query: {
                active_seconds?: number;
                base_version: number;
                tool?: string;
            };
            header?: never;
            path: {
                annotation_id: number;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/vnd.labelstack.labelmap-patch": string;
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionSummary"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    reinstate_annotation_api_v1_annotations__annotation_id__reinstate_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                annotation_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BaseVersion"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnnotationRead"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    list_reviews_api_v1_annotations__annotation_id__reviews_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                annotation_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewRead"][];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    submit_annotation_api_v1_annotations__annotation_id__submit_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                annotation_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BaseVersion"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnnotationRead"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    list_versions_api_v1_annotations__annotation_id__versions_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                annotation_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionSummary"][];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    save_version_api_v1_annotations__annotation_id__versions_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                annotation_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VersionSave"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionRead"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    get_version_api_v1_annotations__annotation_id__versions__number__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                annotation_id: number;
                number: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionRead"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    get_labelmap_api_v1_annotations__annotation_id__versions__number__labelmap_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                annotation_id: number;
                number: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    restore_version_api_v1_annotations__annotation_id__versions__number__restore_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                annotation_id: number;
                number: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BaseVersion"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionRead"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    withdraw_annotation_api_v1_annotations__annotation_id__withdraw_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                annotation_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Withdrawal"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnnotationRead"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    import_annotations_api_v1_annotations_import_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["Body_import_annotations_api_v1_annotations_import_post"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnnotationRead"][];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    query_audit_api_v1_audit_get: {
        parameters: {
            query?: {
                /** @description exact action, or a prefix ending in '.' */
                action?: string | null;
                actor_id?: number | null;
                actor_username?: string | null;
                limit?: number;
                object_id?: string | null;
                object_type?: string | null;
                offset?: number;
                since?: string | null;
                until?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_AuditEventRead_"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    login_api_v1_auth_login_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    logout_api_v1_auth_logout_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    create_export_api_v1_exports_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExportRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/zip": unknown;
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    health_api_v1_health_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    read_instance_api_v1_instances__instance_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                instance_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstanceAttributes"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    list_labels_api_v1_labels_get: {
        parameters: {
            query: {
                include_retired?: boolean;
                project_id: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LabelRead"][];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    create_label_api_v1_labels_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LabelCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LabelRead"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    read_label_api_v1_labels__label_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                label_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LabelRead"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    delete_label_api_v1_labels__label_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                label_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    update_label_api_v1_labels__label_id__patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                label_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LabelUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LabelRead"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    list_patients_api_v1_patients_get: {
        parameters: {
            query?: {
                descending?: boolean;
                limit?: number;
                offset?: number;
                /** @description text in names, IDs, descriptions, accession numbers */
                search?: string | null;
                sex?: string | null;
                sort?: "patient_name" | "patient_id" | "birth_date" | "created_at" | "id";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_PatientRead_"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    list_projects_api_v1_projects_get: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_ProjectRead_"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    create_project_api_v1_projects_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProjectCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectRead"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    read_project_api_v1_projects__project_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectRead"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    update_project_api_v1_projects__project_id__patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProjectUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectRead"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    list_assignments_api_v1_projects__project_id__assignments_get: {
        parameters: {
            query?: {
                label_id?: number | null;
                limit?: number;
                offset?: number;
                status?: components["schemas"]["AssignmentStatus"] | null;
            };
            header?: never;
            path: {
                project_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_AssignmentRead_"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    create_assignments_api_v1_projects__project_id__assignments_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignmentsCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssignmentsCreated"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    list_images_api_v1_projects__project_id__images_get: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                project_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_ProjectImageRead_"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    add_images_api_v1_projects__project_id__images_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ImagesAdd"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImagesAdded"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    set_member_api_v1_projects__project_id__members_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MemberIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectRead"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    remove_member_api_v1_projects__project_id__members__user_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: number;
                user_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectRead"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    create_review_api_v1_reviews_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewRead"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    review_screen_api_v1_reviews_tasks__task_id__items__index__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                index: number;
                task_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewContextRead"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    list_series_api_v1_series_get: {
        parameters: {
            query?: {
                body_part?: string | null;
                descending?: boolean;
                limit?: number;
                modality?: string | null;
                offset?: number;
                /** @description text in names, IDs, descriptions, accession numbers */
                search?: string | null;
                sort?: "study_date" | "series_number" | "modality" | "description" | "created_at" | "id";
                source_format?: string | null;
                /** @description study id */
                study?: number | null;
                study_date_from?: string | null;
                study_date_to?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_SeriesRead_"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    read_series_api_v1_series__series_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                series_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SeriesDetail"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    delete_series_api_v1_series__series_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                series_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeleteResult"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    series_thumbnail_api_v1_series__series_id__thumbnail_get: {
        parameters: {
            query?: {
                format?: "png" | "jpeg";
                size?: number;
            };
            header?: {
                "if-none-match"?: string | null;
            };
            path: {
                series_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": unknown;
                    "image/png": unknown;
                };
            };
            /** @description not modified */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    my_stats_api_v1_stats_me_get: {
        parameters: {
            query?: {
                days?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserStats"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    project_stats_api_v1_stats_projects__project_id__get: {
        parameters: {
            query?: {
                days?: number;
            };
            header?: never;
            path: {
                project_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectStats"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    label_stats_api_v1_stats_projects__project_id__labels_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                project_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LabelStats"][];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    qc_stats_api_v1_stats_qc_get: {
        parameters: {
            query?: {
                project_id?: number | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QcStats"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    user_stats_api_v1_stats_users__user_id__get: {
        parameters: {
            query?: {
                days?: number;
            };
            header?: never;
            path: {
                user_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserStats"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    working_now_api_v1_stats_working_now_get: {
        parameters: {
            query?: {
                project_id?: number | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkingNow"][];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    list_studies_api_v1_studies_get: {
        parameters: {
            query?: {
                body_part?: string | null;
                descending?: boolean;
                limit?: number;
                modality?: string | null;
                offset?: number;
                /** @description patient id (the index's, not PatientID) */
                patient?: number | null;
                /** @description text in names, IDs, descriptions, accession numbers */
                search?: string | null;
                sort?: "study_date" | "patient_name" | "patient_id" | "description" | "accession_number" | "created_at" | "number_of_instances" | "id";
                study_date_from?: string | null;
                study_date_to?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_StudyRead_"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    read_study_api_v1_studies__study_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                study_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StudyDetail"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    delete_study_api_v1_studies__study_id__delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                study_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeleteResult"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    list_tasks_api_v1_tasks_get: {
        parameters: {
            query?: {
                assignee_id?: number | null;
                descending?: boolean;
                due_before?: string | null;
                kind?: components["schemas"]["TaskKind"] | null;
                limit?: number;
                offset?: number;
                overdue?: boolean | null;
                priority?: ("low" | "normal" | "high" | "urgent") | null;
                project_id?: number | null;
                search?: string | null;
                sort?: "id" | "name" | "project_id" | "kind" | "priority" | "status" | "assignee_id" | "due_at" | "created_at" | "started_at" | "finished_at" | "last_activity_at" | "items_total" | "items_done" | "progress" | "active_seconds";
                status?: components["schemas"]["TaskStatus"][] | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_TaskRead_"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    create_task_api_v1_tasks_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TaskCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskRead"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    read_task_api_v1_tasks__task_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                task_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskRead"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    update_task_api_v1_tasks__task_id__patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                task_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TaskUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskRead"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    finish_task_api_v1_tasks__task_id__finish_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                task_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FinishTask"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskRead"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    task_history_api_v1_tasks__task_id__history_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                task_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskEventRead"][];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    list_items_api_v1_tasks__task_id__items_get: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                task_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_TaskItemRead_"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    item_at_api_v1_tasks__task_id__items__index__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                index: number;
                task_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ItemAt"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    mark_item_done_api_v1_tasks__task_id__items__index__done_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                index: number;
                task_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ItemAt"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    item_context_api_v1_tasks__task_id__items__index__qc_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                index: number;
                task_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QcItemContext"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    decide_api_v1_tasks__task_id__items__index__qc_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                index: number;
                task_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["QcDecide"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QcDecisionRead"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    skip_item_api_v1_tasks__task_id__items__index__skip_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                index: number;
                task_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SkipItem"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ItemAt"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    add_active_time_api_v1_tasks__task_id__items__index__time_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                index: number;
                task_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ActiveTime"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskItemRead"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    next_pending_item_api_v1_tasks__task_id__items_next_get: {
        parameters: {
            query?: {
                after?: number;
            };
            header?: never;
            path: {
                task_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ItemAt"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    task_decisions_api_v1_tasks__task_id__qc_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                task_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QcTaskDecisions"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    start_task_api_v1_tasks__task_id__start_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                task_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskRead"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    change_status_api_v1_tasks__task_id__status_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                task_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StatusChange"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskRead"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    bulk_create_api_v1_tasks_bulk_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BulkCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkCreated"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    bulk_edit_api_v1_tasks_bulk_edit_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BulkEdit"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkEdited"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    list_my_tasks_api_v1_tasks_mine_get: {
        parameters: {
            query?: {
                descending?: boolean;
                due_before?: string | null;
                kind?: components["schemas"]["TaskKind"] | null;
                limit?: number;
                offset?: number;
                overdue?: boolean | null;
                priority?: ("low" | "normal" | "high" | "urgent") | null;
                project_id?: number | null;
                search?: string | null;
                sort?: "id" | "name" | "project_id" | "kind" | "priority" | "status" | "assignee_id" | "due_at" | "created_at" | "started_at" | "finished_at" | "last_activity_at" | "items_total" | "items_done" | "progress" | "active_seconds";
                status?: components["schemas"]["TaskStatus"][] | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_TaskRead_"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    upload_api_v1_uploads_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    body_part?: string;
                    files: string[];
                    modality?: string;
                    patient_id?: string;
                    patient_name?: string;
                    /** @description NIfTI time point names, e.g. 'ED,ES' */
                    phases?: string;
                    series_description?: string;
                    study_description?: string;
                };
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UploadResult"];
                };
            };
        };
    };
    list_users_api_v1_users_get: {
        parameters: {
            query?: {
                active?: boolean | null;
                descending?: boolean;
                limit?: number;
                offset?: number;
                role?: components["schemas"]["Role"] | null;
                search?: string | null;
                sort?: "username" | "full_name" | "created_at" | "last_login_at" | "id";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Page_UserRead_"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    create_user_api_v1_users_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserRead"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    read_user_api_v1_users__user_id__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserRead"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    update_user_api_v1_users__user_id__patch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserRead"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    deactivate_user_api_v1_users__user_id__deactivate_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserRead"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    reset_password_api_v1_users__user_id__password_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordReset"];
            };
        };
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    reactivate_user_api_v1_users__user_id__reactivate_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserRead"];
                };
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    read_me_api_v1_users_me_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserRead"];
                };
            };
        };
    };
    change_my_password_api_v1_users_me_password_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordChange"];
            };
        };
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    search_instances_dicomweb_instances_get: {
        parameters: {
            query?: {
                /** @description overrides the Accept header */
                accept?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    search_series_dicomweb_series_get: {
        parameters: {
            query?: {
                /** @description overrides the Accept header */
                accept?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    search_studies_dicomweb_studies_get: {
        parameters: {
            query?: {
                /** @description overrides the Accept header */
                accept?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    store_instances_dicomweb_studies_post: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    retrieve_study_dicomweb_studies__study_uid__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                study_uid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    store_study_instances_dicomweb_studies__study_uid__post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                study_uid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    search_study_instances_dicomweb_studies__study_uid__instances_get: {
        parameters: {
            query?: {
                /** @description overrides the Accept header */
                accept?: string | null;
            };
            header?: never;
            path: {
                study_uid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    study_metadata_dicomweb_studies__study_uid__metadata_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                study_uid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    search_study_series_dicomweb_studies__study_uid__series_get: {
        parameters: {
            query?: {
                /** @description overrides the Accept header */
                accept?: string | null;
            };
            header?: never;
            path: {
                study_uid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    retrieve_series_dicomweb_studies__study_uid__series__series_uid__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                series_uid: string;
                study_uid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    search_series_instances_dicomweb_studies__study_uid__series__series_uid__instances_get: {
        parameters: {
            query?: {
                /** @description overrides the Accept header */
                accept?: string | null;
            };
            header?: never;
            path: {
                series_uid: string;
                study_uid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    retrieve_instance_dicomweb_studies__study_uid__series__series_uid__instances__instance_uid__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                instance_uid: string;
                series_uid: string;
                study_uid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    retrieve_bulkdata_dicomweb_studies__study_uid__series__series_uid__instances__instance_uid__bulkdata__tag__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                instance_uid: string;
                series_uid: string;
                study_uid: string;
                tag: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    retrieve_frames_dicomweb_studies__study_uid__series__series_uid__instances__instance_uid__frames__frame_list__get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                frame_list: string;
                instance_uid: string;
                series_uid: string;
                study_uid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    rendered_frame_dicomweb_studies__study_uid__series__series_uid__instances__instance_uid__frames__frame_list__rendered_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                frame_list: string;
                instance_uid: string;
                series_uid: string;
                study_uid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    instance_metadata_dicomweb_studies__study_uid__series__series_uid__instances__instance_uid__metadata_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                instance_uid: string;
                series_uid: string;
                study_uid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    rendered_instance_dicomweb_studies__study_uid__series__series_uid__instances__instance_uid__rendered_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                instance_uid: string;
                series_uid: string;
                study_uid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    instance_thumbnail_dicomweb_studies__study_uid__series__series_uid__instances__instance_uid__thumbnail_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                instance_uid: string;
                series_uid: string;
                study_uid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    series_metadata_dicomweb_studies__study_uid__series__series_uid__metadata_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                series_uid: string;
                study_uid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    retrieve_series_pixel_data_dicomweb_studies__study_uid__series__series_uid__pixeldata_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                series_uid: string;
                study_uid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    series_thumbnail_dicomweb_studies__study_uid__series__series_uid__thumbnail_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                series_uid: string;
                study_uid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
    study_thumbnail_dicomweb_studies__study_uid__thumbnail_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                study_uid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation Error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPValidationError"];
                };
            };
        };
    };
}
