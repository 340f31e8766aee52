// Generated from the gateway's OpenAPI document by `npm run console:types`: do not edit.

export interface paths {
    "/api/v1/answer-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List answer templates */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                active: boolean;
                                body: string;
                                categoryCode: string | null;
                                id: number;
                                shortcode: string;
                                title: string;
                                updatedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an answer template */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default true */
                        active?: boolean;
                        /** @description may hold {caseNo}, {deadline}, {zone}, {category} */
                        body: string;
                        /**
                         * @description offered only for cases of this category; null: for every case
                         * @default null
                         */
                        categoryCode?: string | null;
                        /** @description what staff type to pick it, e.g. received */
                        shortcode: string;
                        title: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            body: string;
                            categoryCode: string | null;
                            id: number;
                            shortcode: string;
                            title: string;
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/answer-templates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete an answer template */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Change an answer template (what is given) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default true */
                        active?: boolean;
                        /** @description may hold {caseNo}, {deadline}, {zone}, {category} */
                        body?: string;
                        categoryCode?: string | null;
                        /** @description what staff type to pick it, e.g. received */
                        shortcode?: string;
                        title?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            body: string;
                            categoryCode: string | null;
                            id: number;
                            shortcode: string;
                            title: string;
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/attachments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A file a resident sent with a case (images inline, anything else as a download) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
            };
        };
        put?: never;
        post?: never;
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
        /** The audit log, newest first, filtered by actor, action, subject and period */
        get: {
            parameters: {
                query?: {
                    /** @description exact (`card.rotate`) or a family (`card` finds every `card.…`) */
                    action?: string;
                    /** @description exact, e.g. `user:3`, `system` */
                    actor?: string;
                    /** @description the case as subject (subjectType case) */
                    caseNo?: string;
                    /** @description from this time (a date: its start, UTC) */
                    from?: string;
                    limit?: number;
                    offset?: number;
                    subjectId?: string;
                    subjectType?: string;
                    /** @description before this time (a date: the end of that day, UTC) */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                action: string;
                                actor: string;
                                actorName: string | null;
                                at: string;
                                detail: {
                                    [key: string]: unknown;
                                };
                                id: number;
                                subjectId: string | null;
                                subjectType: string;
                            }[];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/actors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The staff accounts that can appear as actors in the audit log (`user:<id>`), by name */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                actor: string;
                                disabled: boolean;
                                name: string;
                                role: string;
                            }[];
                        };
                    };
                };
            };
        };
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
        /** Sign in to the console: sets the session cookie and returns the CSRF token */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        login: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description send it back in X-CSRF-Token on every request that changes something */
                            csrfToken: string;
                            user: {
                                id: number;
                                liaisonId: number | null;
                                login: string;
                                name: string;
                                /** @enum {string} */
                                role: "admin" | "supervisor" | "dispatcher" | "liaison";
                            };
                        };
                    };
                };
                /** @description wrong login or password, or a disabled account */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                        };
                    };
                };
            };
        };
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
        /** Sign out: ends the session and clears its cookie */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user and the CSRF token of their session (401 when not signed in) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description send it back in X-CSRF-Token on every request that changes something */
                            csrfToken: string;
                            user: {
                                id: number;
                                liaisonId: number | null;
                                login: string;
                                name: string;
                                /** @enum {string} */
                                role: "admin" | "supervisor" | "dispatcher" | "liaison";
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendar/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A year's holidays and make-up working days */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            days: {
                                /** Format: date */
                                date: string;
                                name: string;
                                workday: boolean;
                            }[];
                            year: number;
                        };
                    };
                };
            };
        };
        /** Replace a year's holidays and make-up working days (国务院 notice of that year) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    year: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        days: {
                            /** Format: date */
                            date: string;
                            name: string;
                            workday: boolean;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            days: {
                                /** Format: date */
                                date: string;
                                name: string;
                                workday: boolean;
                            }[];
                            year: number;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cards/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A contact card */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            id: number;
                            liaisonId: number | null;
                            revokedAt: string | null;
                            rotatedFrom: number | null;
                            rotatedTo: number | null;
                            scans: number;
                            /** @enum {string} */
                            status: "live" | "rotated" | "revoked";
                            submissions: number;
                            url?: string;
                            zoneCode: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cards/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw a card (its token leads to the general form) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            id: number;
                            liaisonId: number | null;
                            revokedAt: string | null;
                            rotatedFrom: number | null;
                            rotatedTo: number | null;
                            scans: number;
                            /** @enum {string} */
                            status: "live" | "rotated" | "revoked";
                            submissions: number;
                            url?: string;
                            zoneCode: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cards/{id}/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace a card with a new token (the old one leads to the general form) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            id: number;
                            liaisonId: number | null;
                            revokedAt: string | null;
                            rotatedFrom: number | null;
                            rotatedTo: number | null;
                            scans: number;
                            /** @enum {string} */
                            status: "live" | "rotated" | "revoked";
                            submissions: number;
                            url?: string;
                            zoneCode: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List cases (a liaison sees only their scope) */
        get: {
            parameters: {
                query?: {
                    category?: string;
                    channel?: string;
                    confidential?: "true" | "false";
                    /** @description nextCursor of the previous page (created_desc only) */
                    cursor?: number;
                    /** @description opened on or after this office date (YYYY-MM-DD) */
                    from?: string;
                    /** @description only cases sent to (or not sent to) the joint meeting */
                    jointMeeting?: "true" | "false";
                    kind?: "consultation" | "help" | "complaint" | "report" | "suggestion" | "praise";
                    limit?: number;
                    /** @description skip this many (any sort); not with cursor */
                    offset?: number;
                    /** @description a case number prefix, or text in the resident's first message */
                    q?: string;
                    since?: string;
                    sort?: "created_desc" | "created_asc" | "deadline_asc";
                    status?: "registered" | "accepted" | "in_progress" | "answered" | "closed" | "reopened";
                    /** @description only cases a routing rule tagged so */
                    tag?: string;
                    /** @description opened on or before this office date (YYYY-MM-DD) */
                    to?: string;
                    /** @description only cases on (or off) the triage list */
                    triage?: "true" | "false";
                    urgent?: "true" | "false";
                    /** @description a sidebar view; `mine`: a liaison's open cases, for others the open cases no liaison holds */
                    view?: "new_unassigned" | "mine" | "overdue" | "due_24h" | "escalated" | "urgent" | "triage" | "awaiting_visit" | "all";
                    /** @description zone code; includes the zones below it */
                    zone?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                caseNo: string;
                                category: string;
                                confidential: boolean;
                                createdAt: string;
                                deadlineAt: string;
                                escalations: number;
                                jointMeeting: boolean;
                                /** @enum {string} */
                                kind: "consultation" | "help" | "complaint" | "report" | "suggestion" | "praise";
                                liaison: {
                                    id: number;
                                    name: string;
                                } | null;
                                needsTriage: boolean;
                                originChannel: string;
                                overdue: boolean;
                                replyAddress: string | null;
                                replyChannel: string;
                                /** @enum {string} */
                                status: "registered" | "accepted" | "in_progress" | "answered" | "closed" | "reopened";
                                tags: string[];
                                updatedAt: string;
                                urgent: boolean;
                                zone: {
                                    code: string;
                                    label: string;
                                    name: string;
                                };
                            }[];
                            nextCursor: number | null;
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{caseNo}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One case with its full timeline, sends, files and routing in words (the ETag is its version for If-Match) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseNo: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attachments: {
                                contentType: string;
                                filename: string;
                                id: string;
                                size: number | null;
                            }[];
                            caseNo: string;
                            category: string;
                            confidential: boolean;
                            contact: {
                                id: number;
                                identities: {
                                    address: string;
                                    kind: string;
                                }[];
                                name: string | null;
                            } | null;
                            createdAt: string;
                            deadlineAt: string;
                            deadlineHistory: {
                                actor: string;
                                at: string;
                                detail: unknown;
                                type: string;
                            }[];
                            escalations: number;
                            firstResponseAt: string | null;
                            jointMeeting: boolean;
                            /** @enum {string} */
                            kind: "consultation" | "help" | "complaint" | "report" | "suggestion" | "praise";
                            liaison: {
                                id: number;
                                name: string;
                            } | null;
                            needsTriage: boolean;
                            originChannel: string;
                            otherCases: {
                                caseNo: string;
                                createdAt: string;
                                status: string;
                            }[];
                            overdue: boolean;
                            overdueAt: string | null;
                            replyAddress: string | null;
                            replyChannel: string;
                            resolutionHours: number | null;
                            routing: unknown;
                            routingSummary: {
                                en: string;
                                zh: string;
                            };
                            sends: {
                                attempts: number;
                                channel: string;
                                createdAt: string;
                                kind: string;
                                lastError: string | null;
                                sentAt: string | null;
                                status: string;
                            }[];
                            /** @enum {string} */
                            status: "registered" | "accepted" | "in_progress" | "answered" | "closed" | "reopened";
                            statusLabel: {
                                en: string;
                                zh: string;
                            };
                            tags: string[];
                            timeline: {
                                actor?: string;
                                at: string;
                                attachments?: unknown;
                                body?: string;
                                channel?: string;
                                delivery?: {
                                    attempts: number;
                                    lastError: string | null;
                                    providerId: string | null;
                                    status: string;
                                };
                                detail?: unknown;
                                /** @enum {string} */
                                direction?: "in" | "out";
                                event?: string;
                                kind?: string;
                                note?: string | null;
                                /** @enum {string} */
                                type: "event" | "message";
                            }[];
                            updatedAt: string;
                            urgent: boolean;
                            zone: {
                                code: string;
                                label: string;
                                name: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{caseNo}/answer-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The active templates for a case's category and the general ones, filled in for the case */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseNo: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                active: boolean;
                                body: string;
                                categoryCode: string | null;
                                id: number;
                                rendered: string;
                                shortcode: string;
                                title: string;
                                updatedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{caseNo}/category": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Correct a case's category, and its kind if given (takes it off the triage list; the classifier learns from it) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseNo: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        category: string;
                        /** @enum {string} */
                        kind?: "consultation" | "help" | "complaint" | "report" | "suggestion" | "praise";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            caseNo: string;
                            category: string;
                            /** @enum {boolean} */
                            needsTriage: false;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{caseNo}/deadline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move the case's handling deadline, with the reason; its reminders and deadline timer move with it */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description repeat a request with the same key: it is done once, and the first answer is repeated */
                    "idempotency-key"?: string;
                    /** @description the case detail's ETag: the write applies only if the case has not changed since (else 412) */
                    "if-match"?: string;
                };
                path: {
                    caseNo: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        deadlineAt: string;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            caseNo: string;
                            deadlineAt: string;
                            /** @enum {string} */
                            status: "registered" | "accepted" | "in_progress" | "answered" | "closed" | "reopened";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        /** Override a case's handling deadline: its reminders and deadline timer move with it */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseNo: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        deadlineAt: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            caseNo: string;
                            deadlineAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/cases/{caseNo}/escalate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send the case one level up the zone tree; the liaison there is told */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description repeat a request with the same key: it is done once, and the first answer is repeated */
                    "idempotency-key"?: string;
                    /** @description the case detail's ETag: the write applies only if the case has not changed since (else 412) */
                    "if-match"?: string;
                };
                path: {
                    caseNo: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            caseNo: string;
                            /** @enum {string} */
                            status: "registered" | "accepted" | "in_progress" | "answered" | "closed" | "reopened";
                            zone: {
                                code: string;
                                label: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{caseNo}/joint-meeting": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send the case to the joint meeting (联席会议) convened a level up; the case stays in its zone */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description repeat a request with the same key: it is done once, and the first answer is repeated */
                    "idempotency-key"?: string;
                    /** @description the case detail's ETag: the write applies only if the case has not changed since (else 412) */
                    "if-match"?: string;
                };
                path: {
                    caseNo: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            caseNo: string;
                            /** @enum {string} */
                            status: "registered" | "accepted" | "in_progress" | "answered" | "closed" | "reopened";
                            zone: {
                                code: string;
                                label: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{caseNo}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add an internal note to the timeline (never shown or sent to the resident) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description repeat a request with the same key: it is done once, and the first answer is repeated */
                    "idempotency-key"?: string;
                    /** @description the case detail's ETag: the write applies only if the case has not changed since (else 412) */
                    "if-match"?: string;
                };
                path: {
                    caseNo: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        text: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            caseNo: string;
                            /** @enum {string} */
                            status: "registered" | "accepted" | "in_progress" | "answered" | "closed" | "reopened";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{caseNo}/replies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Answer the resident on their reply channel (or another of theirs where it cannot deliver); the case is in progress from then on */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description repeat a request with the same key: it is done once, and the first answer is repeated */
                    "idempotency-key"?: string;
                    /** @description the case detail's ETag: the write applies only if the case has not changed since (else 412) */
                    "if-match"?: string;
                };
                path: {
                    caseNo: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @default refuse
                         * @enum {string}
                         */
                        ifUndeliverable?: "refuse" | "lookup";
                        text: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            caseNo: string;
                            delivery: {
                                channel: string;
                                instead?: {
                                    channel: string;
                                    reason: string;
                                };
                                message: string;
                                reason?: string;
                                /** @enum {string} */
                                status: "queued" | "not_sent";
                            };
                            /** @enum {string} */
                            status: "registered" | "accepted" | "in_progress" | "answered" | "closed" | "reopened";
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            alternatives: ("lookup" | "call" | "visit")[];
                            /** @enum {string} */
                            error: "opted_out" | "undeliverable";
                            /** @enum {string} */
                            field: "ifUndeliverable";
                            message: string;
                            reason: string;
                        } | {
                            error: string;
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{caseNo}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close the case with the result to the resident; its return visit is planned */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description repeat a request with the same key: it is done once, and the first answer is repeated */
                    "idempotency-key"?: string;
                    /** @description the case detail's ETag: the write applies only if the case has not changed since (else 412) */
                    "if-match"?: string;
                };
                path: {
                    caseNo: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @default refuse
                         * @enum {string}
                         */
                        ifUndeliverable?: "refuse" | "lookup";
                        summary: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            caseNo: string;
                            delivery: {
                                channel: string;
                                instead?: {
                                    channel: string;
                                    reason: string;
                                };
                                message: string;
                                reason?: string;
                                /** @enum {string} */
                                status: "queued" | "not_sent";
                            };
                            /** @enum {string} */
                            status: "registered" | "accepted" | "in_progress" | "answered" | "closed" | "reopened";
                        };
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            alternatives: ("lookup" | "call" | "visit")[];
                            /** @enum {string} */
                            error: "opted_out" | "undeliverable";
                            /** @enum {string} */
                            field: "ifUndeliverable";
                            message: string;
                            reason: string;
                        } | {
                            error: string;
                            field?: string;
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{caseNo}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move a case to another step, with a note (the timeline records who and when) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    caseNo: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note: string;
                        /** @enum {string} */
                        status: "registered" | "accepted" | "in_progress" | "answered" | "closed" | "reopened";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            caseNo: string;
                            /** @enum {string} */
                            status: "registered" | "accepted" | "in_progress" | "answered" | "closed" | "reopened";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{caseNo}/transfer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hand the case to another zone, or to a liaison's zone; its liaison is told */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description repeat a request with the same key: it is done once, and the first answer is repeated */
                    "idempotency-key"?: string;
                    /** @description the case detail's ETag: the write applies only if the case has not changed since (else 412) */
                    "if-match"?: string;
                };
                path: {
                    caseNo: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        liaisonId?: number;
                        reason: string;
                        zone?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            caseNo: string;
                            /** @enum {string} */
                            status: "registered" | "accepted" | "in_progress" | "answered" | "closed" | "reopened";
                            zone: {
                                code: string;
                                label: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Assign, move to a step or tag up to 100 cases; each case on its own, with its own outcome */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        action: "assign" | "status" | "tag";
                        caseNos: string[];
                        /** @description assign: a liaison (their zone) */
                        liaisonId?: number;
                        /** @description assign: the reason; status: the note (required) */
                        note?: string;
                        /**
                         * @description status: the new step
                         * @enum {string}
                         */
                        status?: "registered" | "accepted" | "in_progress" | "answered" | "closed" | "reopened";
                        /** @description tag: the label to add */
                        tag?: string;
                        /** @description assign: the zone */
                        zone?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            results: {
                                caseNo: string;
                                error?: string;
                                ok: boolean;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A resident's own case: status and public timeline */
        get: {
            parameters: {
                query: {
                    caseNo: string;
                    contact: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            caseNo: string;
                            category: {
                                en: string;
                                zh: string;
                            } | null;
                            deadlineAt: string | null;
                            message: string | null;
                            /** @enum {string} */
                            status: "registered" | "accepted" | "in_progress" | "answered" | "closed" | "reopened";
                            statusLabel: {
                                en: string;
                                zh: string;
                            };
                            timeline: {
                                at: string;
                                label: {
                                    en: string;
                                    zh: string;
                                } | null;
                                text: string;
                                type: string;
                            }[];
                            zone: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/updates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Cases changed and new since a cursor (poll it; start without `after` to get the first cursor) */
        get: {
            parameters: {
                query?: {
                    /** @description the cursor of the previous answer */
                    after?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            changed: number;
                            cursor: string;
                            newCaseNos: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/views": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many cases each list view holds for the caller (the sidebar badges) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            counts: {
                                [key: string]: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The categories and their handling deadlines */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                active: boolean;
                                code: string;
                                deadlineHours: number;
                                keywords: string[];
                                nameEn: string;
                                nameZh: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a category */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        active?: boolean;
                        code: string;
                        deadlineHours: number;
                        keywords?: string[];
                        nameEn: string;
                        nameZh: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            code: string;
                            deadlineHours: number;
                            keywords: string[];
                            nameEn: string;
                            nameZh: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/categories/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename, retire, or change the deadline or keywords of a category */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        active?: boolean;
                        deadlineHours?: number;
                        keywords?: string[];
                        nameEn?: string;
                        nameZh?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            code: string;
                            deadlineHours: number;
                            keywords: string[];
                            nameEn: string;
                            nameZh: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/intake/failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Inbound messages set aside as poisoned, newest first */
        get: {
            parameters: {
                query?: {
                    channel?: string;
                    /** @description nextCursor of the previous page */
                    cursor?: number;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                attempts: number;
                                channel: string;
                                createdAt: string;
                                id: number;
                                lastError: string | null;
                            }[];
                            nextCursor: number | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/intake/failed/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Process a poisoned message again (with a fresh count of attempts) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @enum {string} */
                            status: "received" | "unqueued";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/intake/web": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit a message through the information window
         * @description JSON, urlencoded or multipart (with an optional `photo`). The same `Idempotency-Key` returns the same case.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email?: string;
                        idempotencyKey?: string;
                        /**
                         * @default zh
                         * @enum {string}
                         */
                        lang?: "zh" | "en";
                        lat?: number;
                        lng?: number;
                        name?: string;
                        phone?: string;
                        /**
                         * Format: binary
                         * @description multipart only
                         */
                        photo?: string;
                        /** @enum {string} */
                        replyVia?: "sms" | "email" | "web";
                        text: string;
                        zoneCode?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accessCode?: string;
                            caseNo: string;
                            /** @enum {string} */
                            status: "registered";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/knowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The answers given on the spot */
        get: {
            parameters: {
                query?: {
                    active?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                active: boolean;
                                answerEn: string;
                                answerZh: string;
                                author: string;
                                categoryCode: string | null;
                                createdAt: string;
                                id: number;
                                questions: string[];
                                slug: string;
                                updatedAt: string;
                                validUntil: string | null;
                                zoneCodes: string[];
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add an answer */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        answerEn: string;
                        answerZh: string;
                        categoryCode?: string | null;
                        questions: string[];
                        slug: string;
                        /** Format: date */
                        validUntil?: string | null;
                        /** @default [] */
                        zoneCodes?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            answerEn: string;
                            answerZh: string;
                            author: string;
                            categoryCode: string | null;
                            createdAt: string;
                            id: number;
                            questions: string[];
                            slug: string;
                            updatedAt: string;
                            validUntil: string | null;
                            zoneCodes: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/knowledge/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One answer */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            answerEn: string;
                            answerZh: string;
                            author: string;
                            categoryCode: string | null;
                            createdAt: string;
                            id: number;
                            questions: string[];
                            slug: string;
                            updatedAt: string;
                            validUntil: string | null;
                            zoneCodes: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Retire an answer (it is kept, inactive) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            answerEn: string;
                            answerZh: string;
                            author: string;
                            categoryCode: string | null;
                            createdAt: string;
                            id: number;
                            questions: string[];
                            slug: string;
                            updatedAt: string;
                            validUntil: string | null;
                            zoneCodes: string[];
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change an answer */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        active?: boolean;
                        answerEn?: string;
                        answerZh?: string;
                        categoryCode?: string | null;
                        questions?: string[];
                        /** Format: date */
                        validUntil?: string | null;
                        zoneCodes?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            answerEn: string;
                            answerZh: string;
                            author: string;
                            categoryCode: string | null;
                            createdAt: string;
                            id: number;
                            questions: string[];
                            slug: string;
                            updatedAt: string;
                            validUntil: string | null;
                            zoneCodes: string[];
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/liaisons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List liaisons, their zones and bound chat accounts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                active: boolean;
                                chats: {
                                    boundAt: string;
                                    channel: string;
                                    id: number;
                                }[];
                                email: string | null;
                                id: number;
                                name: string;
                                /** @description masked */
                                phone: string | null;
                                workPhone: string | null;
                                zones: string[];
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a liaison */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email?: string;
                        name: string;
                        phone: string;
                        workPhone?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/liaisons/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a liaison's name, phones, email or whether they are active (their zones: PATCH /api/v1/zones/:code liaisonId) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        active?: boolean;
                        /** Format: email */
                        email?: string | null;
                        name?: string;
                        phone?: string;
                        workPhone?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        trace?: never;
    };
    "/api/v1/liaisons/{id}/bind-code": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A one-time code the liaison sends to the bot (绑定 <code>) to bind their chat account; valid 24 hours */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            expiresAt: string;
                            link: string | null;
                            qr: string;
                            send: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/liaisons/{id}/chats/{chatId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a bound chat account */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    chatId: number;
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/operations/queues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The intake queue's jobs by state and the outbox's sends not yet out, by state */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            at: string;
                            intake: {
                                active: number;
                                delayed: number;
                                failed: number;
                                prioritized: number;
                                waiting: number;
                            };
                            outbox: {
                                failed: number;
                                pending: number;
                                retrying: number;
                                sending: number;
                                unknown: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/operations/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Settings the console needs to warn people: the public base URL and whether it is a local address */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            publicBaseUrl: string;
                            publicBaseUrlIsLocal: boolean;
                            routerModelPollMs: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/outbox/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Give up a send not yet handed to a provider (waiting, retrying, failed or unknown): it is never sent afterwards
         * @description Recorded on the case's timeline (`send_cancelled`, with who) and audited. A send in flight or already sent is refused 409 with the reason.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @enum {string} */
                            status: "cancelled";
                            was: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/outbox/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a failed (or unknown) send again: an unknown one may then reach the resident twice */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @enum {string} */
                            status: "pending";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/outbox/failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sends that failed or whose outcome is unknown, newest first */
        get: {
            parameters: {
                query?: {
                    channel?: string;
                    /** @description nextCursor of the previous page */
                    cursor?: number;
                    kind?: string;
                    limit?: number;
                    status?: "failed" | "unknown";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                attempts: number;
                                caseNo: string | null;
                                channel: string;
                                createdAt: string;
                                id: number;
                                kind: string;
                                lastError: string | null;
                                rateLimits: number;
                                /** @enum {string} */
                                status: "failed" | "unknown";
                                to: string | null;
                                updatedAt: string;
                            }[];
                            nextCursor: number | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/router/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The router's model versions, newest first, and the last retrain's state */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                actor: string;
                                actorName: string | null;
                                compatible: boolean;
                                corrections: number;
                                createdAt: string;
                                examples: number;
                                id: number;
                                live: boolean;
                            }[];
                            liveVersion: number | null;
                            pollMs: number;
                            retrain: {
                                actor: string;
                                corrections: number | null;
                                error: string | null;
                                examples: number | null;
                                finishedAt: string | null;
                                jobId: string;
                                startedAt: string;
                                /** @enum {string} */
                                state: "training" | "stored" | "live" | "failed";
                                trainingMs: number | null;
                                version: number | null;
                            } | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Retrain the router on the shipped examples and every staff correction, in the background
         * @description Answers 202 with the job at once; `GET /api/v1/router/models` follows it (`training` → `stored` → `live`, or `failed`). One at a time: 409 while one runs.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            actor: string;
                            corrections: number | null;
                            error: string | null;
                            examples: number | null;
                            finishedAt: string | null;
                            jobId: string;
                            startedAt: string;
                            /** @enum {string} */
                            state: "training" | "stored" | "live" | "failed";
                            trainingMs: number | null;
                            version: number | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/router/simulate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Where a message would go, and why (nothing is created) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        calledNumber?: string;
                        /** @enum {string} */
                        channel?: "web" | "card" | "sms" | "voice" | "telegram" | "wechat" | "email";
                        from?: string;
                        location?: {
                            lat: number;
                            lng: number;
                        };
                        text: string;
                        zoneCode?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            call: string[];
                            category: string;
                            confidence: number;
                            confidential: boolean;
                            evidence: {
                                category: unknown;
                                officials?: unknown;
                                rules?: unknown;
                                zone: unknown;
                            };
                            /** @enum {string} */
                            kind: "consultation" | "help" | "complaint" | "report" | "suggestion" | "praise";
                            kindConfidence: number;
                            knowledge: {
                                answer: string;
                                answered: boolean;
                                entryId: number;
                                minScore: number;
                                question: string;
                                score: number;
                                slug: string;
                            } | null;
                            liaisonId: number | null;
                            matchedRules: unknown[];
                            triage: boolean;
                            urgent: boolean;
                            zone: {
                                code: string;
                                level: string;
                                name: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Routing rules in the order they apply */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                action: {
                                    answer?: string;
                                    deadlineHours?: number;
                                    jointMeeting?: boolean;
                                    liaisonId?: number;
                                    /** @enum {string} */
                                    priority?: "normal" | "high";
                                    tags?: string[];
                                    zoneCode?: string;
                                };
                                /** @default true */
                                active: boolean;
                                conditions: {
                                    categories?: string[];
                                    channels?: string[];
                                    keywords?: string[];
                                    officeHours?: boolean;
                                    pattern?: string;
                                    senders?: string[];
                                    urgent?: boolean;
                                    zoneCode?: string;
                                };
                                id: number;
                                name: string;
                                /** @default 100 */
                                priority: number;
                                updatedAt: string;
                                version: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a routing rule */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        action: {
                            answer?: string;
                            deadlineHours?: number;
                            jointMeeting?: boolean;
                            liaisonId?: number;
                            /** @enum {string} */
                            priority?: "normal" | "high";
                            tags?: string[];
                            zoneCode?: string;
                        };
                        /** @default true */
                        active?: boolean;
                        conditions: {
                            categories?: string[];
                            channels?: string[];
                            keywords?: string[];
                            officeHours?: boolean;
                            pattern?: string;
                            senders?: string[];
                            urgent?: boolean;
                            zoneCode?: string;
                        };
                        name: string;
                        /** @default 100 */
                        priority?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            action: {
                                answer?: string;
                                deadlineHours?: number;
                                jointMeeting?: boolean;
                                liaisonId?: number;
                                /** @enum {string} */
                                priority?: "normal" | "high";
                                tags?: string[];
                                zoneCode?: string;
                            };
                            /** @default true */
                            active: boolean;
                            conditions: {
                                categories?: string[];
                                channels?: string[];
                                keywords?: string[];
                                officeHours?: boolean;
                                pattern?: string;
                                senders?: string[];
                                urgent?: boolean;
                                zoneCode?: string;
                            };
                            id: number;
                            name: string;
                            /** @default 100 */
                            priority: number;
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replace a routing rule (a new version) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        action: {
                            answer?: string;
                            deadlineHours?: number;
                            jointMeeting?: boolean;
                            liaisonId?: number;
                            /** @enum {string} */
                            priority?: "normal" | "high";
                            tags?: string[];
                            zoneCode?: string;
                        };
                        /** @default true */
                        active?: boolean;
                        conditions: {
                            categories?: string[];
                            channels?: string[];
                            keywords?: string[];
                            officeHours?: boolean;
                            pattern?: string;
                            senders?: string[];
                            urgent?: boolean;
                            zoneCode?: string;
                        };
                        name: string;
                        /** @default 100 */
                        priority?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            action: {
                                answer?: string;
                                deadlineHours?: number;
                                jointMeeting?: boolean;
                                liaisonId?: number;
                                /** @enum {string} */
                                priority?: "normal" | "high";
                                tags?: string[];
                                zoneCode?: string;
                            };
                            /** @default true */
                            active: boolean;
                            conditions: {
                                categories?: string[];
                                channels?: string[];
                                keywords?: string[];
                                officeHours?: boolean;
                                pattern?: string;
                                senders?: string[];
                                urgent?: boolean;
                                zoneCode?: string;
                            };
                            id: number;
                            name: string;
                            /** @default 100 */
                            priority: number;
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
        };
        post?: never;
        /** Delete a routing rule (its versions are kept) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rules/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A routing rule's versions, newest first: who, when, what changed */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                actor: string;
                                actorName: string | null;
                                at: string;
                                changes: {
                                    after: unknown;
                                    before: unknown;
                                    field: string;
                                }[];
                                snapshot: {
                                    action: {
                                        answer?: string;
                                        deadlineHours?: number;
                                        jointMeeting?: boolean;
                                        liaisonId?: number;
                                        /** @enum {string} */
                                        priority?: "normal" | "high";
                                        tags?: string[];
                                        zoneCode?: string;
                                    };
                                    /** @default true */
                                    active: boolean;
                                    conditions: {
                                        categories?: string[];
                                        channels?: string[];
                                        keywords?: string[];
                                        officeHours?: boolean;
                                        pattern?: string;
                                        senders?: string[];
                                        urgent?: boolean;
                                        zoneCode?: string;
                                    };
                                    deleted: boolean;
                                    name: string;
                                    /** @default 100 */
                                    priority: number;
                                };
                                version: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rules/{id}/versions/{version}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Make an older version the rule again (a new version; a deleted rule comes back) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                    version: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            action: {
                                answer?: string;
                                deadlineHours?: number;
                                jointMeeting?: boolean;
                                liaisonId?: number;
                                /** @enum {string} */
                                priority?: "normal" | "high";
                                tags?: string[];
                                zoneCode?: string;
                            };
                            /** @default true */
                            active: boolean;
                            conditions: {
                                categories?: string[];
                                channels?: string[];
                                keywords?: string[];
                                officeHours?: boolean;
                                pattern?: string;
                                senders?: string[];
                                urgent?: boolean;
                                zoneCode?: string;
                            };
                            id: number;
                            name: string;
                            /** @default 100 */
                            priority: number;
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rules/deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Deleted routing rules, latest first (their versions are kept and one can be restored) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                action: {
                                    answer?: string;
                                    deadlineHours?: number;
                                    jointMeeting?: boolean;
                                    liaisonId?: number;
                                    /** @enum {string} */
                                    priority?: "normal" | "high";
                                    tags?: string[];
                                    zoneCode?: string;
                                };
                                /** @default true */
                                active: boolean;
                                conditions: {
                                    categories?: string[];
                                    channels?: string[];
                                    keywords?: string[];
                                    officeHours?: boolean;
                                    pattern?: string;
                                    senders?: string[];
                                    urgent?: boolean;
                                    zoneCode?: string;
                                };
                                id: number;
                                name: string;
                                /** @default 100 */
                                priority: number;
                                updatedAt: string;
                                version: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rules/order": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Put the routing rules in this order (priorities 10, 20, …; a new version of each rule that moves) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        ids: number[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                action: {
                                    answer?: string;
                                    deadlineHours?: number;
                                    jointMeeting?: boolean;
                                    liaisonId?: number;
                                    /** @enum {string} */
                                    priority?: "normal" | "high";
                                    tags?: string[];
                                    zoneCode?: string;
                                };
                                /** @default true */
                                active: boolean;
                                conditions: {
                                    categories?: string[];
                                    channels?: string[];
                                    keywords?: string[];
                                    officeHours?: boolean;
                                    pattern?: string;
                                    senders?: string[];
                                    urgent?: boolean;
                                    zoneCode?: string;
                                };
                                id: number;
                                name: string;
                                /** @default 100 */
                                priority: number;
                                updatedAt: string;
                                version: number;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rules/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** How many recent cases a draft rule set would route differently, with examples (nothing is changed) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default 30 */
                        days?: number;
                        /** @default 5 */
                        examples?: number;
                        /** @default 2000 */
                        maxCases?: number;
                        rule?: {
                            action: {
                                answer?: string;
                                deadlineHours?: number;
                                jointMeeting?: boolean;
                                liaisonId?: number;
                                /** @enum {string} */
                                priority?: "normal" | "high";
                                tags?: string[];
                                zoneCode?: string;
                            };
                            /** @default true */
                            active?: boolean;
                            conditions: {
                                categories?: string[];
                                channels?: string[];
                                keywords?: string[];
                                officeHours?: boolean;
                                pattern?: string;
                                senders?: string[];
                                urgent?: boolean;
                                zoneCode?: string;
                            };
                            id?: number;
                            name: string;
                            /** @default 100 */
                            priority?: number;
                        };
                        rules?: {
                            action: {
                                answer?: string;
                                deadlineHours?: number;
                                jointMeeting?: boolean;
                                liaisonId?: number;
                                /** @enum {string} */
                                priority?: "normal" | "high";
                                tags?: string[];
                                zoneCode?: string;
                            };
                            /** @default true */
                            active?: boolean;
                            conditions: {
                                categories?: string[];
                                channels?: string[];
                                keywords?: string[];
                                officeHours?: boolean;
                                pattern?: string;
                                senders?: string[];
                                urgent?: boolean;
                                zoneCode?: string;
                            };
                            id?: number;
                            name: string;
                            /** @default 100 */
                            priority?: number;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            aspects: {
                                answer: {
                                    count: number;
                                    examples: {
                                        after: string | null;
                                        before: string | null;
                                        caseNo: string;
                                    }[];
                                };
                                category: {
                                    count: number;
                                    examples: {
                                        after: string | null;
                                        before: string | null;
                                        caseNo: string;
                                    }[];
                                };
                                liaison: {
                                    count: number;
                                    examples: {
                                        after: string | null;
                                        before: string | null;
                                        caseNo: string;
                                    }[];
                                };
                                tags: {
                                    count: number;
                                    examples: {
                                        after: string | null;
                                        before: string | null;
                                        caseNo: string;
                                    }[];
                                };
                                zone: {
                                    count: number;
                                    examples: {
                                        after: string | null;
                                        before: string | null;
                                        caseNo: string;
                                    }[];
                                };
                            };
                            changed: number;
                            considered: number;
                            days: number;
                            matched: number;
                            sampled: boolean;
                            timedOut: boolean;
                            total: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The figures zones are assessed on (考核), over a period */
        get: {
            parameters: {
                query: {
                    /** @description start of the period (cases received from then) */
                    from: string;
                    groupBy?: "zone" | "category" | "kind" | "liaison";
                    /** @description drill-down, with groupBy=zone: one row per child of this zone (its whole subtree), and one for the zone's own cases (own: true) */
                    parentCode?: string;
                    /** @description end of the period (exclusive) */
                    to: string;
                    /** @description a zone code: only it and the zones below it */
                    zone?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description the response rate counts a first answer within this many hours */
                            responseTargetHours: number;
                            rows: {
                                avgHandlingHours: number | null;
                                /** @description zones: whether there are zones below to drill down to */
                                hasChildren?: boolean;
                                key: string;
                                level?: string;
                                name: string;
                                /** @description categories: the English name */
                                nameEn?: string;
                                overdue: number;
                                /** @description drill-down: the parent zone's own cases (本级), not those of a zone below it */
                                own?: boolean;
                                p90HandlingHours: number | null;
                                /** @description zones: the names from the street down, 华山街道/翠湖社区/第一居民小组 */
                                path?: string;
                                received: number;
                                reopenRate: number | null;
                                resolutionRate: number | null;
                                responseRate: number | null;
                                satisfactionRate: number | null;
                                surveysAnswered: number;
                            }[];
                            total: {
                                avgHandlingHours: number | null;
                                overdue: number;
                                p90HandlingHours: number | null;
                                received: number;
                                reopenRate: number | null;
                                resolutionRate: number | null;
                                responseRate: number | null;
                                satisfactionRate: number | null;
                                surveysAnswered: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stats.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The same figures as CSV (UTF-8 with BOM): Chinese headers, rates as percentages, zones by path, a total row */
        get: {
            parameters: {
                query: {
                    /** @description start of the period (cases received from then) */
                    from: string;
                    groupBy?: "zone" | "category" | "kind" | "liaison";
                    /** @description drill-down, with groupBy=zone: one row per child of this zone (its whole subtree), and one for the zone's own cases (own: true) */
                    parentCode?: string;
                    /** @description end of the period (exclusive) */
                    to: string;
                    /** @description a zone code: only it and the zones below it */
                    zone?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stats.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The same figures as an Excel workbook: Chinese headers, rates as percentages, zones by path, a notes sheet */
        get: {
            parameters: {
                query: {
                    /** @description start of the period (cases received from then) */
                    from: string;
                    groupBy?: "zone" | "category" | "kind" | "liaison";
                    /** @description drill-down, with groupBy=zone: one row per child of this zone (its whole subtree), and one for the zone's own cases (own: true) */
                    parentCode?: string;
                    /** @description end of the period (exclusive) */
                    to: string;
                    /** @description a zone code: only it and the zones below it */
                    zone?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stats/weekly": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The same figures week by week over the period (Monday to Sunday, office time), for the trend */
        get: {
            parameters: {
                query: {
                    /** @description start of the period */
                    from: string;
                    /** @description end of the period (exclusive) */
                    to: string;
                    /** @description a zone code: only it and the zones below it */
                    zone?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            weeks: {
                                avgHandlingHours: number | null;
                                overdue: number;
                                p90HandlingHours: number | null;
                                received: number;
                                reopenRate: number | null;
                                resolutionRate: number | null;
                                responseRate: number | null;
                                satisfactionRate: number | null;
                                surveysAnswered: number;
                                /** @description the week's Monday, YYYY-MM-DD */
                                week: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
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
        /** List staff accounts (people who sign in) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                createdAt: string;
                                disabled: boolean;
                                id: number;
                                lastLoginAt: string | null;
                                /** @description the liaison a user with the liaison role acts for */
                                liaison: {
                                    id: number;
                                    name: string;
                                } | null;
                                login: string;
                                name: string;
                                /** @enum {string} */
                                role: "admin" | "supervisor" | "dispatcher" | "liaison";
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a staff account */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        liaisonId?: number;
                        login: string;
                        name: string;
                        password: string;
                        /** @enum {string} */
                        role: "admin" | "supervisor" | "dispatcher" | "liaison";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            disabled: boolean;
                            id: number;
                            lastLoginAt: string | null;
                            /** @description the liaison a user with the liaison role acts for */
                            liaison: {
                                id: number;
                                name: string;
                            } | null;
                            login: string;
                            name: string;
                            /** @enum {string} */
                            role: "admin" | "supervisor" | "dispatcher" | "liaison";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Disable a staff account: it cannot sign in, and its sessions end at once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            disabled: boolean;
                            id: number;
                            lastLoginAt: string | null;
                            /** @description the liaison a user with the liaison role acts for */
                            liaison: {
                                id: number;
                                name: string;
                            } | null;
                            login: string;
                            name: string;
                            /** @enum {string} */
                            role: "admin" | "supervisor" | "dispatcher" | "liaison";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enable a disabled staff account */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            disabled: boolean;
                            id: number;
                            lastLoginAt: string | null;
                            /** @description the liaison a user with the liaison role acts for */
                            liaison: {
                                id: number;
                                name: string;
                            } | null;
                            login: string;
                            name: string;
                            /** @enum {string} */
                            role: "admin" | "supervisor" | "dispatcher" | "liaison";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reset a staff account's password; its sessions end at once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/visits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A month's visits, and each leader's count against what is required (who is behind) */
        get: {
            parameters: {
                query: {
                    month: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            leaders: {
                                behind: boolean;
                                leader: string;
                                /** @enum {string} */
                                level: "district" | "street" | "department";
                                required: number;
                                visits: number;
                                zones: string[];
                            }[];
                            month: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Log a leader's visit to a zone */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        leader: string;
                        /** @enum {string} */
                        level: "district" | "street" | "department";
                        note?: string;
                        /** Format: date-time */
                        visitedAt: string;
                        zoneCode: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/wechat/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The WeChat account's login state, and the QR code to scan when it waits for one */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            qrcodeUrl: string | null;
                            status: string;
                            user: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/zones": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List zones */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                active: boolean;
                                aliases: string[];
                                boundary: ({
                                    coordinates: (number)[][][];
                                    /** @enum {string} */
                                    type: "Polygon";
                                } | {
                                    coordinates: (number)[][][][];
                                    /** @enum {string} */
                                    type: "MultiPolygon";
                                }) | null;
                                code: string;
                                emailAddresses: string[];
                                /** @enum {string} */
                                level: "district" | "street" | "community" | "group";
                                liaison: {
                                    id: number;
                                    name: string;
                                } | null;
                                name: string;
                                parentCode: string | null;
                                phoneNumbers: string[];
                                supervisory: boolean;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a zone */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default [] */
                        aliases?: string[];
                        /** @description GeoJSON Polygon or MultiPolygon (longitude, latitude) */
                        boundary?: {
                            coordinates: (number)[][][];
                            /** @enum {string} */
                            type: "Polygon";
                        } | {
                            coordinates: (number)[][][][];
                            /** @enum {string} */
                            type: "MultiPolygon";
                        };
                        code: string;
                        emailAddresses?: string[];
                        /** @enum {string} */
                        level: "district" | "street" | "community" | "group";
                        liaisonId?: number;
                        name: string;
                        parentCode?: string;
                        phoneNumbers?: string[];
                        /** @default false */
                        supervisory?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            aliases: string[];
                            boundary: ({
                                coordinates: (number)[][][];
                                /** @enum {string} */
                                type: "Polygon";
                            } | {
                                coordinates: (number)[][][][];
                                /** @enum {string} */
                                type: "MultiPolygon";
                            }) | null;
                            code: string;
                            emailAddresses: string[];
                            /** @enum {string} */
                            level: "district" | "street" | "community" | "group";
                            liaison: {
                                id: number;
                                name: string;
                            } | null;
                            name: string;
                            parentCode: string | null;
                            phoneNumbers: string[];
                            supervisory: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/zones/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a zone: rename, move (parentCode), retire (active: false), its numbers, mailboxes, boundary, liaison */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        active?: boolean;
                        aliases?: string[];
                        boundary?: ({
                            coordinates: (number)[][][];
                            /** @enum {string} */
                            type: "Polygon";
                        } | {
                            coordinates: (number)[][][][];
                            /** @enum {string} */
                            type: "MultiPolygon";
                        }) | null;
                        emailAddresses?: string[];
                        liaisonId?: number | null;
                        name?: string;
                        parentCode?: string;
                        phoneNumbers?: string[];
                        supervisory?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            aliases: string[];
                            boundary: ({
                                coordinates: (number)[][][];
                                /** @enum {string} */
                                type: "Polygon";
                            } | {
                                coordinates: (number)[][][][];
                                /** @enum {string} */
                                type: "MultiPolygon";
                            }) | null;
                            code: string;
                            emailAddresses: string[];
                            /** @enum {string} */
                            level: "district" | "street" | "community" | "group";
                            liaison: {
                                id: number;
                                name: string;
                            } | null;
                            name: string;
                            parentCode: string | null;
                            phoneNumbers: string[];
                            supervisory: boolean;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/zones/{code}/card.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A zone's printable contact card (PDF)
         * @description The zone's own card (issued on first print), or `?card=<id>` for another live card of the zone.
         */
        get: {
            parameters: {
                query?: {
                    card?: number;
                };
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/zones/{code}/card.png": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A zone's printable contact card (PNG)
         * @description The zone's own card (issued on first print), or `?card=<id>` for another live card of the zone.
         */
        get: {
            parameters: {
                query?: {
                    card?: number;
                };
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/zones/{code}/card.svg": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A zone's printable contact card (SVG)
         * @description The zone's own card (issued on first print), or `?card=<id>` for another live card of the zone.
         */
        get: {
            parameters: {
                query?: {
                    card?: number;
                };
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/zones/{code}/cards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A zone's contact cards, with their scan and submission counts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                createdAt: string;
                                id: number;
                                liaisonId: number | null;
                                revokedAt: string | null;
                                rotatedFrom: number | null;
                                rotatedTo: number | null;
                                scans: number;
                                /** @enum {string} */
                                status: "live" | "rotated" | "revoked";
                                submissions: number;
                                url?: string;
                                zoneCode: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Issue a contact card for a zone, or for one liaison in it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        liaisonId?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            id: number;
                            liaisonId: number | null;
                            revokedAt: string | null;
                            rotatedFrom: number | null;
                            rotatedTo: number | null;
                            scans: number;
                            /** @enum {string} */
                            status: "live" | "rotated" | "revoked";
                            submissions: number;
                            url?: string;
                            zoneCode: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/zones/{code}/cards.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every household card of a zone's groups (or communities without groups) as a PDF
         * @description One A4 page per zone at the bottom of the pyramid under `code`, eight copies of its card a page; missing cards are issued.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/c/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit a message through a contact card's form
         * @description As `POST /api/v1/intake/web`, bound to the card's zone (and liaison): a `zoneCode` is ignored.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email?: string;
                        idempotencyKey?: string;
                        /**
                         * @default zh
                         * @enum {string}
                         */
                        lang?: "zh" | "en";
                        lat?: number;
                        lng?: number;
                        name?: string;
                        phone?: string;
                        /**
                         * Format: binary
                         * @description multipart only
                         */
                        photo?: string;
                        /** @enum {string} */
                        replyVia?: "sms" | "email" | "web";
                        text: string;
                        zoneCode?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accessCode?: string;
                            caseNo: string;
                            /** @enum {string} */
                            status: "registered";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness: PostgreSQL and Redis reachable, and not shutting down
         * @description Answers 503 while either is unreachable, and while the gateway drains before it stops (`status: draining`).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            postgres: {
                                error?: string;
                                ms: number;
                                ok: boolean;
                            };
                            redis: {
                                error?: string;
                                evictionPolicy?: string;
                                ms: number;
                                ok: boolean;
                                warning?: string;
                            };
                            /** @enum {string} */
                            status: "ok";
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            postgres: {
                                error?: string;
                                ms: number;
                                ok: boolean;
                            };
                            redis: {
                                error?: string;
                                evictionPolicy?: string;
                                ms: number;
                                ok: boolean;
                                warning?: string;
                            };
                            /** @enum {string} */
                            status: "unavailable" | "draining";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/telegram": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Telegram Bot API webhook */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/twilio/sms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Twilio inbound SMS webhook */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default  */
                        Body?: string;
                        From: string;
                        MessageSid: string;
                        To: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/twilio/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Twilio message status callback */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        ErrorCode?: string;
                        MessageSid: string;
                        MessageStatus: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/twilio/voice": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Twilio voice webhook: the menu */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        CallSid: string;
                        Digits?: string;
                        /** @default  */
                        From?: string;
                        /** @default  */
                        To?: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
