// Generated from LabelStack's OpenAPI schema by scripts/generate-api.mjs; do not edit.

export interface paths {
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
        /** LoginRequest */
        LoginRequest: {
            /** Password */
            password: string;
            /** Username */
            username: string;
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
        /**
         * Role
         * @description What a user may do across LabelStack; a user may hold several.
         * @enum {string}
         */
        Role: "admin" | "annotator" | "reviewer";
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
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
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
