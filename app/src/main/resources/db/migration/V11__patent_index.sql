-- Patent batches are screened against every patent filing screened before: the engine's index in the data
-- directory (zhibao.screening.patent-index-dir). indexed: the batch's filings are in that index. The index is
-- appended to after the batch's findings are committed; a batch whose findings were saved but whose filings did
-- not reach the index (the server stopped in between) is added to it before the next patent batch is screened.
alter table screening_batch add column indexed boolean not null default false;
