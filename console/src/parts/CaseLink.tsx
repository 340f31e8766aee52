/** A case number that opens the case in the console (a real link: new tab, copy address). */
import { casePath, navigate } from '../router';

export function CaseLink({ caseNo }: { caseNo: string }) {
  return (
    <a
      href={casePath(caseNo)}
      className="case-link"
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        navigate(casePath(caseNo));
      }}
    >
      {caseNo}
    </a>
  );
}
