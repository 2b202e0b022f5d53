/** Library `review(diff, options?)`: filled in by the pull-request review work (issue 3). */
export {};
