-- DropTable
DROP TABLE "SubmissionThrottle";

